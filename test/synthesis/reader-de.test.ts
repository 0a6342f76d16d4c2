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
    ['Das wäre hier sicher auch eine sinnvolle Lösung.', 'pronoun'],
    ['Dies wird durch einen zu hohen Bordstein verhindert.', 'pronoun'],
    ['Die muss man als Radfahrer kompliziert umfahren.', 'pronoun'],
    ['Hier sollte eine Unterführung gebaut werden.', 'pronoun'],
    ['Es ist wirklich unglaublich frustrierend.', 'pronoun'],
    ['Kann er nicht einfach weitergeführt werden?', 'question'],
    ['Sehr geehrte Damen und Herren, guten Tag.', 'greeting'],
    ['Baum Wurzeln.', 'length'],
  ])('"%s" leans on its context (%s)', (sentence, why) => {
    expect(reader?.dependenceOf(sentence)).toBe(why);
  });

  it.each([
    'Die vorhandene Lösung über die enge Rampe ist mangelhaft.',
    'Diese Drängelgitter am Bahnübergang sind kaum zu passieren.',
    'Es gibt an der Kreuzung keinen sicheren Übergang.',
    'Der Radweg an der Venloer Str. ist zu schmal.',
  ])('"%s" stands alone', (sentence) => {
    expect(reader?.dependenceOf(sentence)).toBeNull();
  });
});
