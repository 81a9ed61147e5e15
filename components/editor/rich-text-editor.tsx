'use client';

import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

type Props = { labelId: string; initialHtml: string; onChange: (html: string) => void };

/**
 * Tiptap with only what the sanitiser keeps (paragraphs, h2/h3, bold, italic, underline, lists,
 * quotes, links): a paste from Word arrives as clean structure, and the server sanitises again.
 */
export function RichTextEditor({ labelId, initialHtml, onChange }: Props) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        link: { openOnClick: false, protocols: ['http', 'https', 'mailto', 'tel'] },
      }),
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        class: 'article-body min-h-64 rounded-b border border-slate-400 bg-white p-3 focus:outline-2 focus:outline-brand-600',
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  });

  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      underline: current?.isActive('underline') ?? false,
      h2: current?.isActive('heading', { level: 2 }) ?? false,
      h3: current?.isActive('heading', { level: 3 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      blockquote: current?.isActive('blockquote') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  });

  if (!editor) return <div className="min-h-64 rounded border border-slate-400 bg-white p-3" aria-busy="true" />;

  const chain = () => editor.chain().focus();
  const buttons: [label: string, pressed: boolean | undefined, run: () => void][] = [
    ['Đậm', active?.bold, () => chain().toggleBold().run()],
    ['Nghiêng', active?.italic, () => chain().toggleItalic().run()],
    ['Gạch chân', active?.underline, () => chain().toggleUnderline().run()],
    ['Tiêu đề mục', active?.h2, () => chain().toggleHeading({ level: 2 }).run()],
    ['Tiêu đề nhỏ', active?.h3, () => chain().toggleHeading({ level: 3 }).run()],
    ['Danh sách', active?.bulletList, () => chain().toggleBulletList().run()],
    ['Danh sách số', active?.orderedList, () => chain().toggleOrderedList().run()],
    ['Trích dẫn', active?.blockquote, () => chain().toggleBlockquote().run()],
    [
      'Liên kết',
      active?.link,
      () => {
        if (editor.isActive('link')) return void chain().unsetLink().run();
        const href = window.prompt('Địa chỉ liên kết (https://…)');
        if (href) chain().extendMarkRange('link').setLink({ href }).run();
      },
    ],
  ];

  return (
    <div>
      <div role="toolbar" aria-label="Định dạng nội dung" className="flex flex-wrap gap-1 rounded-t border border-b-0 border-slate-400 bg-slate-100 p-1">
        {buttons.map(([label, pressed, run]) => (
          <button
            key={label}
            type="button"
            aria-pressed={pressed ?? false}
            onClick={run}
            className="rounded px-2 py-1 text-sm aria-pressed:bg-brand-700 aria-pressed:text-white"
          >
            {label}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
