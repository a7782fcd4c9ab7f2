import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { NoteEditor } from './note-editor';

// Server rendering only (the editor itself mounts in the browser; e2e covers typing).
describe('NoteEditor on the server', () => {
  it('renders the toolbar with accessible names and no editor yet', () => {
    const html = renderToString(
      createElement(NoteEditor, {
        value: null,
        onChange: () => {},
        label: 'Note',
        placeholder: 'Write a note',
      }),
    );
    expect(html).toContain('role="toolbar" aria-label="Note: formatting"');
    for (const name of ['Bold', 'Italic', 'Bulleted list', 'Numbered list', 'Link']) {
      expect(html).toContain(`aria-label="${name}"`);
    }
    expect(html).toContain('aria-pressed="false"');
    expect(html).not.toContain('contenteditable');
  });
});
