import { describe, expect, it } from 'vitest';
import { readerFor } from '../../pipeline/synthesis/reading/reader.js';

const reader = readerFor('de');
const kinds = (sentence: string) => reader?.kindsOf(sentence, { question: null });

describe('the German reader', () => {
  it.each([
    'Hier sollte eine eigene Unterführung gebaut werden.',
    'Der Radweg muss an dieser Stelle dringend saniert werden.',
    'Es wäre gut, wenn die Ampel länger grün bliebe.',
    'Das wäre hier sicher auch eine sinnvolle Lösung.',
    'Ich wünsche mir mehr Fahrradständer am Bahnhof.',
    'Bitte beide Zeichen entfernen.',
    'Mehr Radwege in der Innenstadt!',
    'Breiterer Radweg?',
    'Einbahnstraße für Radverkehr freigeben',
    'Wäre es nicht besser, die Parkplätze zu streichen?',
    'Entfernen Sie die Poller.',
    'Abbau der Tempo-70-Schilder auf der Kanalstraße.',
    'Ich würde hier ein Parkverbot aushängen.',
    'Es bedarf einer sicheren Verbindung von Kapellen nach Moers!',
    'Die Landstraße benötigt dringend einen eigenen Radweg.',
    'Bordsteine an der Kreuzung absenken',
  ])('reads a proposal in "%s"', (sentence) => {
    expect(kinds(sentence)).toContain('proposal');
  });

  it.each([
    'Man müsste die Außenrunde nehmen, um sicher anzukommen.',
    'An der Kreuzung muss man eh schon aufpassen.',
    'Der Platz wäre vorhanden.',
    'Ein Kind würde dort bereits überfahren.',
    'Darf man den kurzen Radweg benutzen?',
    'Aktuell stellen sich Radfahrer regelmäßig an der Ampel an.',
    'Insbesondere für Schulkinder besteht hier Gefahr.',
    'Die Autos parken hier jeden Tag auf dem Radweg.',
    'Fahrbahn auf beiden Seiten sehr uneben',
    'Nach Regen bilden sich oft große Pfützen, die nur langsam abtrocknen',
    'Mir scheint, dass viele Fahrräder am Bahnhof dauerparken.',
    'Wegen der Baustelle muss die Fahrbahn benutzt werden.',
    'Am Bahnübergang muss das Rad geschoben werden.',
  ])('reads no proposal in "%s"', (sentence) => {
    expect(kinds(sentence)).not.toContain('proposal');
  });

  it.each([
    ['Der Fahrradweg ist hier viel zu schmal.', 'concern'],
    ['An dieser Stelle fehlt ein Zebrastreifen.', 'concern'],
    ['Dort gibt es keinen Radweg.', 'concern'],
    ['Die Kreuzung ist für Radfahrer sehr gefährlich.', 'concern'],
    ['Leider gibt es keine guten Abstellplätze.', 'concern'],
    ['Der Radweg hier ist gut.', 'praise'],
    ['Die neue Fahrradstraße ist wirklich gelungen, vielen Dank!', 'praise'],
    ['Ich bin Mutter von zwei Kindern.', 'self_description'],
    ['Als Anwohnerin fahre ich jeden Tag hier entlang.', 'self_description'],
    ['Im Moment ist das Fahrradgrün mit dem Fußgängergrün gekoppelt.', 'other'],
  ])('reads "%s" as %s', (sentence, kind) => {
    expect(kinds(sentence)).toContain(kind);
  });

  it.each([
    ['Es wäre gut, wenn die Ampel länger grün bliebe.', 'praise'],
    ['Der Radweg ist nicht gut.', 'praise'],
    ['Ich bin der Meinung, dass hier eine Ampel fehlt.', 'self_description'],
    ['Als Verbesserung möchten wir eine Ampel vorschlagen.', 'self_description'],
    ['Die Ampel ist nicht gefährlich.', 'concern'],
  ])('does not read "%s" as %s', (sentence, kind) => {
    expect(kinds(sentence)).not.toContain(kind);
  });

  it.each([
    ['Jedoch sind links viele Parkplätze frei.', 'connective'],
    ['Außerdem fehlt eine Ampel an der Ecke.', 'connective'],
    ['Darüberhinaus parken oft Lieferwagen auf dem Radweg.', 'connective'],
    ['Darüber hinaus parken oft Lieferwagen auf dem Radweg.', 'connective'],
    ['Das wäre hier sicher auch eine sinnvolle Lösung.', 'pronoun'],
    ['Dies wird durch einen zu hohen Bordstein verhindert.', 'pronoun'],
    ['Die muss man als Radfahrer kompliziert umfahren.', 'pronoun'],
    ['Hier sollte eine Unterführung gebaut werden.', 'pronoun'],
    ['Es ist wirklich unglaublich frustrierend.', 'pronoun'],
    ['Kann er nicht einfach weitergeführt werden?', 'question'],
    ['Sehr geehrte Damen und Herren, guten Tag.', 'greeting'],
    ['Baum Wurzeln.', 'length'],
    ['Fahrradstraße am Stadtgarten', 'no-clause'],
    ['Kreuzung Aachener Straße / Innere Kanalstraße', 'no-clause'],
    ['Schon oft selbst erlebt.', 'no-clause'],
    ['Gilt auch für die Venloer Straße.', 'pronoun'],
    ['Ist im Dunkeln sehr gefährlich.', 'pronoun'],
    ['Leider muss man hier oft lange an der Ampel warten.', 'pronoun'],
    ['Mir scheint, dass viele Autos dort dauerhaft parken.', 'pronoun'],
    ['In Fahrtrichtung Süden endet an dieser Stelle der Radweg.', 'pronoun'],
    ['In diesem Bereich gibt es nur einen schmalen Gehweg.', 'pronoun'],
    ['Der Übergang (s.o.) ist für Lastenräder zu schmal.', 'pronoun'],
    ['Viele Radfahrer fahren deshalb auf dem Gehweg.', 'connective'],
    ['Komme ich hingegen von Norden, ist die Ampel rot.', 'connective'],
    ['Eine große Gefahr besteht zudem durch den Lieferverkehr.', 'connective'],
    ['Alternativ könnte man zwei Parkplätze streichen.', 'connective'],
    ['Dieser Weg ist nach Regen oft matschig.', 'pronoun'],
    ['Diese Schaltung der Ampel ist eine Zumutung.', 'pronoun'],
    ['So voll, wie sie morgens ist, stellt sie eine Gefahr dar.', 'pronoun'],
    ['Am Abend ist das nicht mehr der Fall.', 'pronoun'],
  ])('"%s" leans on its context (%s)', (sentence, why) => {
    expect(reader?.dependenceOf(sentence)).toBe(why);
  });

  it.each([
    'Die vorhandene Lösung über die enge Rampe ist mangelhaft.',
    'Diese Drängelgitter am Bahnübergang sind kaum zu passieren.',
    'Es gibt an der Kreuzung keinen sicheren Übergang.',
    'Der Radweg an der Venloer Str. ist zu schmal.',
    'Da bei Regen die Unterführung voll Wasser steht, fahren viele auf der Straße.',
    'Dieser Abschnitt zwischen Venloer Str. und Wörthstr. muss verbessert werden.',
    'Dieses etwa 100 m lange Stück zwischen Post und Markt ist eine Einbahnstraße.',
    'Die Ampel ist so eingestellt, dass sie nie von allein grün wird.',
    'Der für Radfahrer freigegebene Weg am Kanal ist sehr schmal.',
    'Es bedarf einer sicheren Verbindung von Kapellen nach Moers.',
    'Es sollte dringend ein Radweg gebaut werden.',
    'Es ist das erste Mal, dass die Stadt fragt.',
    'Gefährliche Kreuzung am Stadtgarten',
    'Mehr Fahrradständer am Bahnhof',
    'Einbahnstraße für Radfahrer öffnen',
    'Der Radweg verläuft parallel zur Bahnlinie.',
    'Ist die Ampel rot, warten alle Radfahrer.',
    'Komme ich aus dem Norden, habe ich an der Ampel Rot.',
    'Im Winter gestaltet sich die Fahrt über die Brücke schwierig.',
    'Die Ampel schaltet zu spät und deshalb fahren viele bei Rot.',
    'Die Kreuzung an der Venloer Straße ist gefährlich, weil hier viele Lkw abbiegen.',
    'Dieser Kreuzungsbereich Grafschafter Wanderweg / Kaiserstr. ist völlig unübersichtlich.',
    'Eltern sagen, sie lassen ihre Kinder nicht allein fahren.',
    'Am Markt steht ein Schild, das nicht mehr lesbar ist.',
    'Die Ampel sollte länger grün sein, da dies die Wartezeit verkürzt.',
  ])('"%s" stands alone', (sentence) => {
    expect(reader?.dependenceOf(sentence)).toBeNull();
  });
});
