#include "pdf_ua.h"

namespace hb {

namespace {

// Python, run before pdf.cpp's script. It reaches into WeasyPrint 57: draw.draw_replacedbox,
// Stream.get_marked_content_tag, Document.build_element_structure (one call per page, whose
// `structure` maps each HTML element to its structure element on that page), the pdf/ua-1
// entry of weasyprint.pdf.VARIANTS, and page.links.
constexpr const char* kScript = R"PY(
def tag_for_pdf_ua():
    import pydyf
    from weasyprint import draw, pdf as weasy_pdf
    from weasyprint.pdf.stream import Stream

    svg_tag = '{http://www.w3.org/2000/svg}svg'

    def text_of(element):
        return ' '.join(''.join(element.itertext()).split())

    def sentences(parts):
        text = ''
        for part in filter(None, parts):
            text += ('' if not text else ' ' if text[-1] in '.:!?' else '. ') + part
        return text or None

    def alternative(element):
        if element is None or element.get('aria-hidden') == 'true':
            return None
        if element.tag == 'img':
            return element.get('alt') or None
        if element.tag != svg_tag:
            return None
        if element.get('aria-label'):
            return element.get('aria-label')
        ids = (element.get('aria-labelledby') or '').split()
        named = {e.get('id'): e for e in element.iter() if e.get('id') in ids}
        return sentences(text_of(named[i]) for i in ids if i in named) or sentences(
            text_of(e) for e in element if e.tag == svg_tag[:-3] + 'title')

    draw_replaced = draw.draw_replacedbox

    def draw_replacedbox(stream, box):
        figure = alternative(box.element) is not None
        if figure:
            stream.begin_marked_content(box, mcid=True, tag='Figure')
        draw_replaced(stream, box)
        if figure:
            stream.end_marked_content()

    draw.draw_replacedbox = draw_replacedbox
    tag_of = Stream.get_marked_content_tag

    def marked_content_tag(stream, element_tag):
        return 'Caption' if element_tag == 'caption' else tag_of(stream, element_tag)

    Stream.get_marked_content_tag = marked_content_tag

    def number(reference):
        return int(bytes(reference).split()[0])

    def scope(cell, structure):
        given = cell.get('scope', '')
        if given in ('col', 'colgroup', 'row', 'rowgroup'):
            return '/Column' if given.startswith('col') else '/Row'
        row = structure[cell]['parent']
        first = next(c for c in row if c.tag in ('td', 'th'))
        return '/Row' if first is cell and structure[row]['parent'].tag != 'thead' else '/Column'

    def header(cell, structure):
        return pydyf.Dictionary({'O': '/Table', 'Scope': scope(cell, structure)})

    def complete_row(pdf, row_element, row, structure):
        cells = []
        for cell in row_element:
            if cell.tag not in ('td', 'th'):
                continue
            if 'element' not in structure[cell]:
                empty = pydyf.Dictionary({
                    'Type': '/StructElem', 'S': '/' + cell.tag.upper(), 'P': row.reference,
                    'Pg': row['Pg'], 'K': pydyf.Array()})
                if cell.tag == 'th':
                    empty['A'] = header(cell, structure)
                pdf.add_object(empty)
                structure[cell]['element'] = empty
            cells.append(structure[cell]['element'].reference)
        row['K'] = pydyf.Array([kid for kid in row['K'] if isinstance(kid, int)] + cells)

    def tagged(structure, page_stream):
        # The elements with a structure element on the page: those of its marked content and
        # their ancestors (not every element of the document, which each page's structure maps).
        seen = {}
        for _, box in page_stream.marked:
            element = box.element
            while element is not None and element not in seen:
                seen[element] = structure.get(element, {})
                element = seen[element].get('parent')
        return [(e, data) for e, data in seen.items() if 'element' in data]

    def complete(pdf, structure, page_stream):
        for element, data in tagged(structure, page_stream):
            tag = element.tag
            if not isinstance(tag, str):
                continue
            if data['element'].get('S') == '/Figure':
                data['element']['Alt'] = pydyf.String(alternative(element))
            elif tag == 'th':
                data['element']['A'] = header(element, structure)
            elif tag == 'tr':
                complete_row(pdf, element, data['element'], structure)

    def tag_links(pdf, document, structures, parent_tree):
        at = {parent_tree[i]: i + 1 for i in range(0, len(parent_tree), 2)}
        key = max(at) + 1
        for page_number, page in enumerate(document.pages):
            for _, _, _, box in page.links:
                annotation = getattr(box, 'link_annotation', None)
                if annotation is None or box.element is None:
                    continue
                text = (box.element.get('aria-label') or text_of(box.element)
                        or box.element.get('title'))
                if text:
                    annotation['Contents'] = pydyf.String(text)
                annotation['F'] = 4
                data = structures[page_number].get(box.element, {})
                if 'element' not in data:
                    continue
                link = data['element']
                link['S'] = '/Link'
                if 'StructParent' in annotation:
                    target = parent_tree[at[annotation['StructParent']]]
                    parent_tree[at[annotation['StructParent']]] = link.reference
                else:
                    objr = pydyf.Dictionary({
                        'Type': '/OBJR', 'Obj': annotation.reference,
                        'Pg': pdf.page_references[page_number]})
                    pdf.add_object(objr)
                    target = objr.reference
                    annotation['StructParent'] = key
                    parent_tree.extend([key, link.reference])
                    key += 1
                link['K'].append(target)

    def set_parents(pdf, reference):
        for kid in pdf.objects[number(reference)].get('K', []):
            if not isinstance(kid, int) and pdf.objects[number(kid)].get('Type') == '/StructElem':
                pdf.objects[number(kid)]['P'] = reference
                set_parents(pdf, kid)

    tag_tree, properties = weasy_pdf.VARIANTS['pdf/ua-1']

    def pdf_ua(pdf, metadata, document, page_streams):
        structures = []

        def build_structure(structure):  # once a page; its recursion skips this
            structures.append(structure)
            del document.build_element_structure
            try:
                document.build_element_structure(structure)
            finally:
                document.build_element_structure = build_structure

        document.build_element_structure = build_structure
        tag_tree(pdf, metadata, document, page_streams)
        del document.build_element_structure
        root = pdf.objects[number(pdf.catalog['StructTreeRoot'])]
        for structure, page_stream in zip(structures, page_streams):
            complete(pdf, structure, page_stream)
        tag_links(pdf, document, structures, pdf.objects[number(root['ParentTree'])]['Nums'])
        for kid in root['K']:
            set_parents(pdf, kid)

    weasy_pdf.VARIANTS['pdf/ua-1'] = (pdf_ua, properties)
)PY";

}  // namespace

const char* pdf_ua_script() {
  return kScript;
}

}  // namespace hb
