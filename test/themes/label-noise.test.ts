// No theme label or keyword is a web address's piece, a mask, a placeholder or a word for anything.
import { describe, expect, it } from 'vitest';
import { labelThemes, type ThemeLabel } from '../../pipeline/themes/labels.js';

/** Words no label or keyword may hold. */
const NOISE = /\b(?:goo|gl|https?|www|com|html|xx+|name|redacted|link|nothing|everything)\b/i;

function expectClean(labels: readonly ThemeLabel[]): void {
  for (const { label, keywords } of labels) {
    expect(label).not.toMatch(NOISE);
    for (const keyword of keywords) expect(keyword, label).not.toMatch(NOISE);
  }
}

describe('label noise', () => {
  it('takes no German label or keyword from goo.gl links, [name] or masks', () => {
    const links = [
      'Der Radweg an der Venloer Straße ist zu schmal, siehe goo.gl/maps/abc1 und goo.gl/maps/xyz2.',
      'Radweg Venloer Straße verbreitern, Foto: https://goo.gl/photos/q1w2 bitte ansehen.',
      'Die Ampel am Radweg ist zu kurz, Karte unter goo.gl/maps/kk77 und www.example.com/karte.html',
      '[name] hat schon geschrieben: der Radweg ist zu schmal. XXXX stimmt zu.',
      'Wie [name] sagt, fehlt ein Radweg. xx meint das auch, siehe goo.gl/maps/zz9.',
    ];
    const parking = [
      'Es gibt zu wenige Fahrradständer am Bahnhof, [name] sieht das genauso.',
      'Mehr Fahrradständer am Bahnhof, bitte! XXXX XXXX',
      'Fahrradständer am Bahnhof sind immer voll, siehe goo.gl/maps/p0.',
    ];
    const languages = [links.map(() => 'de'), parking.map(() => 'de')];
    expectClean(labelThemes([links, parking], { languages, minPassages: 1, keywordCount: 12 }));
  });

  it('takes no English label or keyword from masks, placeholders, links or "everything"', () => {
    const staff = [
      'xx was very kind and the staff on the ward were kind too.',
      'The staff were kind, xx and [name] made me welcome.',
      'Everything was good, the staff were kind. See goo.gl/abc and www.trust.nhs.uk/ward.html',
      'Kind staff, [name] helped me a lot, everything was great.',
      'xx xx kind staff on the ward, https://goo.gl/x1 for details.',
    ];
    const food = [
      'The food on the ward was cold. Everything else was fine.',
      'Food was cold and [name] said nothing could be done.',
      'Cold food every day, xx agreed.',
    ];
    expectClean(labelThemes([staff, food], { minPassages: 1, keywordCount: 12 }));
  });
});
