import { contrastRatio, parseHexColor, themeFromOfficeColors } from '../../../src/host/theme';

describe('parseHexColor', () => {
  it('reads #RRGGBB, #RGB and a missing #', () => {
    expect(parseHexColor('#FFA500')).toEqual({ r: 255, g: 165, b: 0 });
    expect(parseHexColor('fff')).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('rejects anything else', () => {
    expect(parseHexColor('red')).toBeUndefined();
    expect(parseHexColor('#12345')).toBeUndefined();
    expect(parseHexColor(undefined)).toBeUndefined();
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(21, 5);
    expect(contrastRatio({ r: 9, g: 9, b: 9 }, { r: 9, g: 9, b: 9 })).toBe(1);
  });
});

describe('themeFromOfficeColors', () => {
  it('maps Office Colorful and White to light', () => {
    expect(
      themeFromOfficeColors({ bodyBackgroundColor: '#E6E6E6', bodyForegroundColor: '#444444' }),
    ).toBe('light');
    expect(
      themeFromOfficeColors({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#444444' }),
    ).toBe('light');
  });

  it('maps Dark Gray (mid-grey background, light text) and Black to dark', () => {
    expect(
      themeFromOfficeColors({ bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' }),
    ).toBe('dark');
    expect(
      themeFromOfficeColors({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }),
    ).toBe('dark');
  });

  it('maps pure black-and-white pairs to high contrast, either way round', () => {
    expect(
      themeFromOfficeColors({ bodyBackgroundColor: '#000000', bodyForegroundColor: '#FFFFFF' }),
    ).toBe('highContrast');
    expect(
      themeFromOfficeColors({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' }),
    ).toBe('highContrast');
  });

  it('lets forced colours (Windows high contrast) win over the colours', () => {
    expect(
      themeFromOfficeColors(
        { bodyBackgroundColor: '#E6E6E6', bodyForegroundColor: '#444444' },
        { forcedColors: true },
      ),
    ).toBe('highContrast');
  });

  it('falls back to the background alone, then to light', () => {
    expect(themeFromOfficeColors({ bodyBackgroundColor: '#1F1F1F' })).toBe('dark');
    expect(themeFromOfficeColors({ bodyBackgroundColor: 'not a colour' })).toBe('light');
    expect(themeFromOfficeColors(undefined)).toBe('light');
  });
});
