import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { defaultLinkFields, linkFieldChoices, publicUrl } from './link-fields.js';

const form: FormDef = {
  id: 'signup',
  name: 'Sign-up',
  fields: [
    { id: 'name', type: 'text', label: 'Name' },
    { id: 'owner', type: 'member', label: 'Owner' },
    { id: 'dept', type: 'department', label: 'Department' },
    { id: 'customer', type: 'relation', label: 'Customer', settings: { formId: 'c' } },
    { id: 'no', type: 'serial', label: 'No.' },
    { id: 'total', type: 'formula', label: 'Total', settings: { formula: 1, resultType: 'number' } },
    { id: 'intro', type: 'section', label: 'Part 2' },
    { id: 'old', type: 'text', label: 'Old', deleted: true },
    {
      id: 'guests',
      type: 'subtable',
      label: 'Guests',
      settings: { fields: [{ id: 'guest', type: 'text', label: 'Guest' }] as never },
    },
    {
      id: 'helpers',
      type: 'subtable',
      label: 'Helpers',
      settings: { fields: [{ id: 'who', type: 'member', label: 'Who' }] as never },
    },
    { id: 'seats', type: 'number', label: 'Seats' },
  ],
};

describe('public link fields', () => {
  it('refuses pickers, system, computed fields and sub-tables holding pickers; leaves out layout and deleted fields', () => {
    expect(linkFieldChoices(form).map((c) => [c.field.id, c.refused ?? 'ok'])).toEqual([
      ['name', 'ok'],
      ['owner', 'notPublic'],
      ['dept', 'notPublic'],
      ['customer', 'notPublic'],
      ['no', 'notWritable'],
      ['total', 'notWritable'],
      ['guests', 'ok'],
      ['helpers', 'notPublic'],
      ['seats', 'ok'],
    ]);
    expect(defaultLinkFields(form)).toEqual(['name', 'guests', 'seats']);
  });

  it('builds the public address from the origin and the token', () => {
    expect(publicUrl('https://forms.example.com', 'Yq3x-_a')).toBe('https://forms.example.com/f/Yq3x-_a');
  });
});
