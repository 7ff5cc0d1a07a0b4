import { describe, expect, it } from 'vitest';
import { renderLiquid } from './liquid.ts';

const drops = {
  contact: {
    name: 'Jane Roe',
    first_name: 'Jane',
    last_name: null,
    custom_attribute: { plan: 'pro', 'two words': 'x' },
  },
  agent: {},
};

describe('message variables (Liquid subset)', () => {
  it('fills names, nested attributes and bracket keys; unknown names render empty', () => {
    expect(
      renderLiquid(
        'Hi {{contact.name}} ({{ contact.custom_attribute.plan }}) {{contact.custom_attribute["two words"]}}',
        drops,
      ),
    ).toBe('Hi Jane Roe (pro) x');
    expect(renderLiquid('[{{contact.nope}}][{{nothing.at.all}}][{{agent.name}}][{{contact.last_name}}]', drops)).toBe(
      '[][][][]',
    );
  });

  it('applies default and case filters; an unknown filter is ignored', () => {
    expect(
      renderLiquid(
        "Hi {{ agent.name | default: 'team' }} / {{ contact.name | upcase }} / {{ contact.name | shout }}",
        drops,
      ),
    ).toBe('Hi team / JANE ROE / Jane Roe');
    expect(renderLiquid("{{ contact.first_name | append: '!' | prepend: '> ' }}", drops)).toBe('> Jane!');
  });

  it('leaves code in backticks and raw blocks as written', () => {
    expect(renderLiquid('Use `{{contact.name}}` to greet {{contact.first_name}}', drops)).toBe(
      'Use `{{contact.name}}` to greet Jane',
    );
    expect(renderLiquid('{% raw %}{{contact.name}}{% endraw %} is {{contact.name}}', drops)).toBe(
      '{{contact.name}} is Jane Roe',
    );
  });

  it('sends a template it cannot read exactly as written (as Chatwoot does on a Liquid error)', () => {
    for (const broken of [
      'Hi {{contact.name',
      'Hi {% if contact.name %}x{% endif %}',
      'a {{ contact.name | default: "x }}',
      '{{ contact.name() }}',
      '{% raw %} open',
    ]) {
      expect(renderLiquid(broken, drops)).toBe(broken);
    }
  });

  it('executes nothing: prototype and constructor names resolve to nothing', () => {
    expect(renderLiquid('{{contact.constructor}}{{contact.__proto__}}{{contact.name.length}}', drops)).toBe('');
  });
});
