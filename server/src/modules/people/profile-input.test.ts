import { describe, expect, it } from 'vitest';
import { checkedSkills, normaliseSkill, normaliseSkills } from './profile-input.ts';

describe('checkedSkills', () => {
  it('should keep each skill as typed beside its lower-cased key, in the order given', () => {
    expect(checkedSkills(['WordPress', '  Google   Analytics ', 'SEO'])).toEqual({
      asTyped: ['WordPress', 'Google Analytics', 'SEO'],
      keys: ['wordpress', 'google analytics', 'seo'],
    });
  });

  it('should drop blanks and duplicates in any letter case, keeping the first spelling', () => {
    expect(checkedSkills(['mailchimp', '', 'MailChimp', ' ', 'Mailchimp', 'CRM', 'crm'])).toEqual({
      asTyped: ['mailchimp', 'CRM'],
      keys: ['mailchimp', 'crm'],
    });
  });

  it('should lower-case letters beyond ASCII in the key only', () => {
    expect(checkedSkills(['Éléments Web'])).toEqual({ asTyped: ['Éléments Web'], keys: ['éléments web'] });
  });

  it('should refuse more than 20 distinct skills, but not 20 spelt twice', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `Skill ${i}`);
    expect(checkedSkills([...twenty, ...twenty.map((skill) => skill.toUpperCase())]).keys).toHaveLength(20);
    expect(() => checkedSkills([...twenty, 'One more'])).toThrow('List at most 20 skills.');
  });
});

describe('normaliseSkill', () => {
  it('should give the key a filter compares: trimmed, single spaced, lower case', () => {
    expect(normaliseSkill('  SERVICE   design ')).toBe('service design');
    expect(normaliseSkills(['Service Design', 'service design'])).toEqual(['service design']);
  });
});
