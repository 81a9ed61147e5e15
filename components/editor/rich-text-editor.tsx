'use client';

import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState, type MouseEvent } from 'react';
import { MediaLibraryDialog } from '@/components/media/media-library-dialog';
import { mediaUrl } from '@/lib/media/urls';
import { Figure, type FigureAttributes } from './figure-node';
import { FigureDialog } from './figure-dialog';
import { LinkDialog } from './link-dialog';
import { cleanPastedHtml } from './word-paste';

type Props = { labelId: string; initialHtml: string; onChange: (html: string) => void };

// Pasted widths, alignment and Word's <colgroup> would only be dropped by the sanitiser on save:
// the editor never holds them, so what is seen while editing is what is published.
const plainCellAttributes = {
  colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
  align: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
};
const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'], defaultProtocol: 'https' },
  }),
  Table.extend({ renderHTML: () => ['table', {}, ['tbody', 0]] }).configure({ resizable: false, View: null }),
  TableRow,
  TableHeader.extend({
    addAttributes() {
      return { ...this.parent?.(), ...plainCellAttributes };
    },
  }),
  TableCell.extend({
    addAttributes() {
      return { ...this.parent?.(), ...plainCellAttributes };
    },
  }),
  Figure,
];

const toolButton =
  'min-h-11 min-w-11 rounded px-2 py-1 text-sm sm:min-h-0 sm:min-w-0 aria-pressed:bg-brand-700 aria-pressed:text-white disabled:opacity-50';

type LinkState = { href: string; askText: boolean } | null;

/**
 * A click on a tool must not take the focus from the text: the cursor and the mark just chosen
 * ("Đậm", then typing) stay where they were. Without it the button holds the focus until the
 * editor takes it back on the next frame, and a space typed in between presses the button again.
 * Keyboard users still reach every tool with Tab; the tool returns the focus to the text.
 */
const keepTextFocus = (event: MouseEvent) => event.preventDefault();

/**
 * TipTap with only what the sanitiser keeps (lib/sanitize.ts): paragraphs, h2/h3, bold, italic,
 * underline, lists, quotes, links, tables and images from the library. A paste from Word or a web
 * page arrives as that structure, and the server sanitises again.
 */
export function RichTextEditor({ labelId, initialHtml, onChange }: Props) {
  const [link, setLink] = useState<LinkState>(null);
  const [choosingImage, setChoosingImage] = useState(false);
  const [pastedFile, setPastedFile] = useState<File | null>(null);
  const [figure, setFigure] = useState<FigureAttributes | null>(null);
  const [notice, setNotice] = useState('');

  const editor = useEditor({
    immediatelyRender: false,
    extensions,
    content: initialHtml,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        class: 'article-body min-h-64 rounded-b border border-slate-400 bg-white p-3 focus:outline-2 focus:outline-brand-600',
      },
      transformPastedHTML: (html) => {
        const cleaned = cleanPastedHtml(html);
        setNotice(cleaned.droppedImages ? droppedImagesNotice(cleaned.droppedImages) : '');
        return cleaned.html;
      },
      // A file pasted or dropped is not in the library and has no description yet: it goes to the
      // library's upload form, chosen already, and into the text once described.
      handlePaste: (_view, event) => uploadImageFile(event.clipboardData?.files),
      handleDrop: (_view, event) => uploadImageFile((event as DragEvent).dataTransfer?.files),
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  });

  function uploadImageFile(files: FileList | undefined): boolean {
    const image = files && Array.from(files).find((file) => file.type.startsWith('image/'));
    if (!image) return false;
    setNotice('Nhập mô tả cho ảnh vừa dán rồi bấm “Tải lên” để chèn ảnh vào bài.');
    setPastedFile(image);
    setChoosingImage(true);
    return true;
  }

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
      figure: current?.isActive('figure') ?? false,
      table: current?.isActive('table') ?? false,
    }),
  });

  if (!editor) return <div className="min-h-64 rounded border border-slate-400 bg-white p-3" aria-busy="true" />;

  const chain = () => editor.chain().focus();
  const openLink = () => {
    const href = (editor.getAttributes('link').href as string | undefined) ?? '';
    if (href) editor.chain().extendMarkRange('link').run();
    setLink({ href, askText: !href && editor.state.selection.empty });
  };
  const openImage = () => {
    if (editor.isActive('figure')) setFigure(editor.getAttributes('figure') as FigureAttributes);
    else setChoosingImage(true);
  };

  const buttons: [label: string, pressed: boolean | undefined, run: () => void][] = [
    ['Đậm', active?.bold, () => chain().toggleBold().run()],
    ['Nghiêng', active?.italic, () => chain().toggleItalic().run()],
    ['Gạch chân', active?.underline, () => chain().toggleUnderline().run()],
    ['Tiêu đề mục', active?.h2, () => chain().toggleHeading({ level: 2 }).run()],
    ['Tiêu đề nhỏ', active?.h3, () => chain().toggleHeading({ level: 3 }).run()],
    ['Danh sách', active?.bulletList, () => chain().toggleBulletList().run()],
    ['Danh sách số', active?.orderedList, () => chain().toggleOrderedList().run()],
    ['Trích dẫn', active?.blockquote, () => chain().toggleBlockquote().run()],
  ];

  return (
    <div>
      <div
        role="toolbar"
        aria-label="Định dạng nội dung"
        className="flex flex-wrap gap-1 rounded-t border border-b-0 border-slate-400 bg-slate-100 p-1"
      >
        {buttons.map(([label, pressed, run]) => (
          <button
            key={label}
            type="button"
            aria-pressed={pressed ?? false}
            onClick={run}
            onMouseDown={keepTextFocus}
            className={toolButton}
          >
            {label}
          </button>
        ))}
        <button type="button" onClick={openLink} onMouseDown={keepTextFocus} className={toolButton}>
          {active?.link ? 'Sửa liên kết' : 'Liên kết'}
        </button>
        <button type="button" onClick={openImage} onMouseDown={keepTextFocus} className={toolButton}>
          {active?.figure ? 'Sửa ảnh' : 'Chèn ảnh'}
        </button>
        {!active?.table && (
          <button
            type="button"
            onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            onMouseDown={keepTextFocus}
            className={toolButton}
          >
            Chèn bảng
          </button>
        )}
      </div>
      {active?.table && <TableTools editor={editor} />}
      <EditorContent editor={editor} />
      <p role="status" aria-live="polite" className="mt-1 text-sm font-semibold text-amber-800">
        {notice}
      </p>
      <LinkDialog
        open={link !== null}
        initialHref={link?.href ?? ''}
        askText={link?.askText ?? false}
        onClose={() => {
          setLink(null);
          editor.commands.focus();
        }}
        onRemove={() => {
          setLink(null);
          chain().extendMarkRange('link').unsetLink().run();
        }}
        onSave={(href, text) => {
          setLink(null);
          if (link?.askText) {
            chain()
              .insertContent({ type: 'text', text: text || href.replace(/^(mailto|tel):/, ''), marks: [{ type: 'link', attrs: { href } }] })
              .run();
          } else chain().extendMarkRange('link').setLink({ href }).run();
        }}
      />
      <MediaLibraryDialog
        open={choosingImage}
        selectedId={null}
        purpose="Chèn vào bài"
        initialFile={pastedFile}
        onClose={() => {
          setChoosingImage(false);
          setPastedFile(null);
        }}
        onChoose={(media) => {
          setChoosingImage(false);
          setPastedFile(null);
          setNotice('');
          setFigure({ src: mediaUrl(media.key, 960), alt: media.alt, caption: '' });
        }}
      />
      <FigureDialog
        figure={figure}
        onClose={() => {
          setFigure(null);
          editor.commands.focus();
        }}
        onSave={(attributes) => {
          setFigure(null);
          if (editor.isActive('figure')) chain().updateAttributes('figure', attributes).run();
          else chain().insertContent({ type: 'figure', attrs: attributes }).run();
        }}
      />
    </div>
  );
}

function droppedImagesNotice(count: number): string {
  return `${count} ảnh trong nội dung dán vào chưa được chèn (ảnh phải có trong Thư viện ảnh): tải ảnh lên bằng “Chèn ảnh”.`;
}

/** Shown while the cursor is in a table: rows, columns, the header row, and removing it. */
function TableTools({ editor }: { editor: Editor }) {
  const chain = () => editor.chain().focus();
  const tools: [label: string, run: () => boolean, pressed?: boolean][] = [
    ['Thêm hàng', () => chain().addRowAfter().run()],
    ['Xóa hàng', () => chain().deleteRow().run()],
    ['Thêm cột', () => chain().addColumnAfter().run()],
    ['Xóa cột', () => chain().deleteColumn().run()],
    ['Hàng tiêu đề', () => chain().toggleHeaderRow().run(), isHeaderRow(editor)],
    ['Xóa bảng', () => chain().deleteTable().run()],
  ];
  return (
    <div role="toolbar" aria-label="Bảng" className="flex flex-wrap gap-1 border border-b-0 border-slate-400 bg-amber-50 p-1">
      {tools.map(([label, run, pressed]) => (
        <button key={label} type="button" aria-pressed={pressed} onClick={() => run()} onMouseDown={keepTextFocus} className={toolButton}>
          {label}
        </button>
      ))}
    </div>
  );
}

function isHeaderRow(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'table') return node.firstChild?.firstChild?.type.name === 'tableHeader';
  }
  return false;
}
