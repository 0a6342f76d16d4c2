import { describe, expect, it } from 'vitest';
import { readerFor } from '../../pipeline/synthesis/reading/reader.js';

const kinds = (language: string, sentence: string) =>
  readerFor(language)?.kindsOf(sentence, { question: null });

describe('the French reader', () => {
  it.each([
    ['Il faut sécuriser le carrefour devant l’école.', 'proposal'],
    ['Il faudrait plus de pistes cyclables.', 'proposal'],
    ['On devrait fermer la rue aux voitures le dimanche.', 'proposal'],
    ['Il serait bon de planter des arbres.', 'proposal'],
    ['Je souhaite un parc pour les enfants.', 'proposal'],
    ['Merci de réparer l’éclairage de la rue.', 'proposal'],
    ['Créer des pistes cyclables séparées.', 'proposal'],
    ['Plus de bancs dans le parc !', 'proposal'],
    ['Ne serait-il pas préférable de limiter la vitesse ?', 'proposal'],
    ['Ce carrefour est très dangereux pour les piétons.', 'concern'],
    ['Il manque un passage piéton devant la gare.', 'concern'],
    ['Il y a trop de voitures dans le centre.', 'concern'],
    ['La nouvelle piste cyclable est excellente.', 'praise'],
    ['Je suis une mère de trois enfants.', 'self_description'],
    ['En tant que cycliste, je traverse ce pont chaque jour.', 'self_description'],
  ])('reads "%s" as %s', (sentence, kind) => {
    expect(kinds('fr', sentence)).toContain(kind);
  });

  it.each([
    ['Le bus passe toutes les dix minutes.', 'proposal'],
    ['Hier, le bus est passé en retard.', 'proposal'],
    ['Plus de 20 personnes attendent le bus.', 'proposal'],
    ['Le parc n’est pas agréable.', 'praise'],
    ['Ce n’est pas dangereux.', 'concern'],
    ['Il serait bon de planter des arbres.', 'praise'],
  ])('does not read "%s" as %s', (sentence, kind) => {
    expect(kinds('fr', sentence)).not.toContain(kind);
  });

  it.each([
    ['Cependant, les trottoirs sont étroits.', 'connective'],
    ['Pourtant la rue est calme le soir.', 'connective'],
    ['Cela serait une bonne solution.', 'pronoun'],
    ['Ici, les voitures roulent trop vite.', 'pronoun'],
    ['Bonjour à toute l’équipe municipale.', 'greeting'],
    ['Les voitures roulent ici beaucoup trop vite.', 'pronoun'],
    ['Les cyclistes passent par là tous les jours.', 'pronoun'],
    ['Comme indiqué ci-dessus, la piste est trop étroite.', 'pronoun'],
    ['Cette rue est très dangereuse le soir.', 'pronoun'],
    ['Beaucoup de cyclistes roulent donc sur le trottoir.', 'connective'],
    ['Il faut toutefois garder les places de livraison.', 'connective'],
  ])('"%s" leans on its context (%s)', (sentence, why) => {
    expect(readerFor('fr')?.dependenceOf(sentence)).toBe(why);
  });

  it.each([
    'Il faut sécuriser le carrefour devant l’école.',
    'Il y a trop de voitures dans le centre.',
    'Ce carrefour à côté de la gare est dangereux.',
    'Le feu passe au rouge et donc les cyclistes attendent longtemps.',
  ])('"%s" stands alone', (sentence) => {
    expect(readerFor('fr')?.dependenceOf(sentence)).toBeNull();
  });
});

describe('the Spanish reader', () => {
  it.each([
    ['Debería haber más carriles bici en el centro.', 'proposal'],
    ['Hace falta un semáforo en esta esquina.', 'proposal'],
    ['Hay que limpiar el parque más a menudo.', 'proposal'],
    ['Sería bueno ampliar las aceras.', 'proposal'],
    ['Me gustaría que hubiera más bancos.', 'proposal'],
    ['Crear más zonas verdes en el barrio.', 'proposal'],
    ['Más carriles bici, por favor.', 'proposal'],
    ['¿No sería mejor cerrar la calle al tráfico?', 'proposal'],
    ['El cruce es muy peligroso para los niños.', 'concern'],
    ['Falta iluminación en la plaza.', 'concern'],
    ['Hay demasiados coches aparcados en la acera.', 'concern'],
    ['El nuevo parque es estupendo.', 'praise'],
    ['Soy madre de dos niños.', 'self_description'],
    ['Tengo 45 años y voy en bici al trabajo.', 'self_description'],
  ])('reads "%s" as %s', (sentence, kind) => {
    expect(kinds('es', sentence)).toContain(kind);
  });

  it.each([
    ['El autobús pasa cada diez minutos.', 'proposal'],
    ['Cruzan los coches sin mirar.', 'proposal'],
    ['El parque no es bueno.', 'praise'],
    ['Soy de la opinión de que falta un carril.', 'self_description'],
    ['No es peligroso.', 'concern'],
  ])('does not read "%s" as %s', (sentence, kind) => {
    expect(kinds('es', sentence)).not.toContain(kind);
  });

  it.each([
    ['Sin embargo, las aceras son estrechas.', 'connective'],
    ['Además, el parque está sucio.', 'connective'],
    ['Esto sería una buena solución.', 'pronoun'],
    ['Aquí los coches van muy rápido.', 'pronoun'],
    ['Buenos días a todo el ayuntamiento.', 'greeting'],
    ['Los coches aparcan aquí todos los días.', 'pronoun'],
    ['Los ciclistas van allí cada día.', 'pronoun'],
    ['Como dije antes, el carril es estrecho.', 'pronoun'],
    ['Esta calle es muy peligrosa por la noche.', 'pronoun'],
    ['Hace falta un semáforo en esta esquina.', 'pronoun'],
    ['Muchos ciclistas circulan por eso por la acera.', 'connective'],
    ['Hay que poner, además, más bancos.', 'connective'],
  ])('"%s" leans on its context (%s)', (sentence, why) => {
    expect(readerFor('es')?.dependenceOf(sentence)).toBe(why);
  });

  it.each([
    'Hace falta un semáforo en la esquina de la calle Mayor.',
    'Este cruce junto a la estación es peligroso.',
    'El semáforo tarda mucho y por eso los ciclistas cruzan en rojo.',
  ])('"%s" stands alone', (sentence) => {
    expect(readerFor('es')?.dependenceOf(sentence)).toBeNull();
  });
});
