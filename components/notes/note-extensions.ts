import StarterKit from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import type { Extensions } from '@tiptap/react';
import { isAllowedHref } from '@/lib/notes';

/**
 * The editor's schema: exactly the nodes and marks lib/notes accepts, so whatever a
 * reader writes passes parseNote, and whatever parseNote returns loads back.
 */
export function createNoteExtensions(options: { placeholder?: string } = {}): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      heading: false,
      codeBlock: false,
      horizontalRule: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedHref(url),
        // Autolinking a bare "example.org" would store it relative; only full addresses.
        shouldAutoLink: (url) => isAllowedHref(url),
      },
    }),
  ];
  if (options.placeholder) {
    extensions.push(Placeholder.configure({ placeholder: options.placeholder }));
  }
  return extensions;
}
