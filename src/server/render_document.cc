// Document, graph and print (study) pages.
#include <filesystem>
#include <kainjow/mustache.hpp>

#include "index/builder.h"
#include "server/html.h"
#include "server/render.h"
#include "server/text_html.h"

namespace vanban::server {

namespace {

using kainjow::mustache::data;

constexpr const char* kUnknown = "Chưa rõ";

DocRef RefOf(const search::StoredDocument& stored) {
  const legal::Metadata& m = stored.doc.meta;
  return DocRef{stored.doc.id, m.type, m.number, m.title, m.issuer, m.date, stored.has_text, true};
}

std::string DocHref(const std::string& id) { return "/van-ban/" + UrlEncode(id); }

std::string Heading(const DocRef& ref) {
  return ShortName(ref.type, ref.number, ref.title, ref.id);
}

// A document with no type, number or title: "Tệp “Biên bản họp.txt”", or
// its id without a file.
std::string NameByFile(const search::StoredDocument& s) {
  std::string label = index::FileLabel(s.doc.meta, s.source_path);
  return label.empty() ? s.doc.id : "Tệp “" + label + "”";
}

// The <h1> of a document's pages (legal::HeadingOf): "Chỉ thị số
// 33/CT-TTg" over the title; "Kế hoạch" over it when there is no number;
// the title alone when it names the type itself (T5, session 15: "Nghị
// quyết" over "Nghị quyết Đại hội …"); "Văn bản số …" when the type is
// unknown; the file's name (or the id) when all three are.
legal::HeadingName DocHeading(const search::StoredDocument& s) {
  const legal::Metadata& m = s.doc.meta;
  std::string type = m.type.empty() && !m.number.empty() ? "Văn bản" : m.type;
  legal::HeadingName h = legal::HeadingOf(type, m.number, m.title, " số ");
  if (h.name.empty()) h.name = NameByFile(s);
  return h;
}

void AddField(data* list, const char* label, const std::string& value) {
  data row;
  Set(row, "label", label);
  Set(row, "value", value.empty() ? kUnknown : value);
  Set(row, "unknown", value.empty());
  Set(row, "has_items", false);
  list->push_back(row);
}

// A field with several values (recipients), folded under a count.
void AddListField(data* list, const char* label, const std::vector<std::string>& values) {
  if (values.empty()) return AddField(list, label, "");
  data row;
  Set(row, "label", label);
  Set(row, "value", std::to_string(values.size()) + " nơi");
  Set(row, "unknown", false);
  data items{data::type::list};
  for (const std::string& v : values) items.push_back(data(v));
  Set(row, "items", items);
  Set(row, "has_items", true);
  list->push_back(row);
}

data MetaFields(const search::StoredDocument& stored) {
  const legal::Metadata& m = stored.doc.meta;
  data list{data::type::list};
  AddField(&list, "Loại văn bản", m.type);
  AddField(&list, "Số, ký hiệu", m.number);
  AddField(&list, "Cơ quan ban hành", m.issuer);
  AddField(&list, "Nơi ban hành", m.place);
  AddField(&list, "Ngày ban hành", DisplayDate(m.date));
  AddField(&list, "Ngày có hiệu lực", DisplayDate(m.effective_date));
  std::string signer = m.signer_position.empty() ? m.signer
                       : m.signer.empty()        ? ""
                                                 : m.signer_position + ": " + m.signer;
  AddField(&list, "Người ký", signer);
  AddListField(&list, "Nơi nhận", m.recipients);
  // The file copies ("Lưu: VP") are not counted among the recipients (W6).
  if (!m.filing.empty()) AddField(&list, "Lưu", m.filing);
  AddField(&list, "Toàn văn", stored.has_text ? "Có" : "Chưa có toàn văn");
  // The file name only: the server's folders are none of the reader's business.
  std::string source = std::filesystem::path(stored.source_path).filename().string();
  if (!source.empty() && !stored.format.empty()) source += " (" + stored.format;
  if (!source.empty() && !stored.encoding.empty()) source += ", " + stored.encoding;
  if (!source.empty() && stored.ocr) source += ", nhận dạng ảnh OCR";
  if (!source.empty() && !stored.format.empty()) source += ")";
  AddField(&list, "Tệp nguồn", source);
  if (!stored.same_number.empty()) {
    data row;
    Set(row, "label", "Văn bản khác cùng số");
    Set(row, "unknown", false);
    Set(row, "has_items", false);
    data links{data::type::list};
    for (const search::Hit& h : stored.same_number) {
      DocRef ref;
      ref.id = h.id;
      ref.type = h.type;
      ref.number = h.number;
      ref.title = h.title;
      ref.issuer = h.issuer;
      ref.date = h.date;
      std::string where = h.issuer;
      if (!h.date.empty()) where += (where.empty() ? "" : ", ") + DisplayDate(h.date);
      data link;
      Set(link, "href", DocHref(h.id));
      Set(link, "name", Heading(ref) + (where.empty() ? "" : " (" + where + ")"));
      links.push_back(link);
    }
    Set(row, "links", links);
    Set(row, "has_links", true);
    list.push_back(row);
  }
  return list;
}

data RefData(const DocRef& ref) {
  data d;
  Set(d, "href", DocHref(ref.id));
  Set(d, "name", Heading(ref));
  // Without a number the name already is the title.
  Set(d, "title", ref.number.empty() ? "" : ref.title);
  Set(d, "type", ref.type.empty() ? kUnknown : ref.type);
  Set(d, "type_class", TypeClass(ref.type));
  Set(d, "issuer", ref.issuer);
  Set(d, "date", DisplayDate(ref.date));
  Set(d, "has_text", ref.has_text);
  Set(d, "in_index", ref.in_index);
  return d;
}

// Links to each place a group's citations sit in the text, named by where
// they are; the next places in the same unit are "(2)", "(3)": "Điều 1 (2)
// (3) Điều 3", not "Điều 1 Điều 1 Điều 1 Điều 3". Out of context (a screen
// reader's list of links) each says whose citation it is, and keeps its
// visible text in its name (WCAG 2.5.3): "Điều 1 (2) (Luật 10/2022/QH15,
// lần 3)"; `target` names the cited document.
data PlacesData(const legal::Document& doc, const CitedGroup& group, const std::string& target) {
  data places{data::type::list};
  int n = 0, again = 0;
  std::string last;
  bool several = group.citations.size() > 1;
  for (int i : group.citations) {
    const legal::Citation& c = doc.citations[i];
    data place;
    Set(place, "href", "#c-" + std::to_string(c.begin));
    std::string nth = std::to_string(++n);
    Set(place, "raw", c.raw);
    std::string where = PlaceOf(doc, c.begin);
    again = !where.empty() && where == last ? again + 1 : 1;
    last = where;
    std::string shown = where.empty() ? "lần " + nth
                        : again > 1   ? "(" + std::to_string(again) + ")"
                                      : where;
    std::string name = again > 1 ? where + " " + shown : shown;
    std::string context = target;
    if (several && !where.empty()) context += ", lần " + nth;
    Set(place, "shown", shown);
    Set(place, "label", name + " (" + context + ")");
    places.push_back(place);
  }
  return places;
}

// The places of a group's citations in one line, for print: "Điều 7 (8
// lần), Điều 12, Điều 33".
std::string PlacesSummary(const legal::Document& doc, const CitedGroup& group) {
  std::vector<std::pair<std::string, int>> places;
  for (int i : group.citations) {
    std::string where = PlaceOf(doc, doc.citations[i].begin);
    if (where.empty()) continue;
    if (!places.empty() && places.back().first == where) {
      ++places.back().second;
    } else {
      places.emplace_back(where, 1);
    }
  }
  std::string out;
  for (const auto& [where, n] : places) {
    out += (out.empty() ? "" : ", ") + where;
    if (n > 1) out += " (" + std::to_string(n) + " lần)";
  }
  return out;
}

data CitedData(const DocumentView& view) {
  const legal::Document& doc = view.stored.doc;
  data list{data::type::list};
  for (const CitedGroup& g : view.cited) {
    data d = RefData(g.ref);
    Set(d, "count", std::to_string(g.citations.size()));
    Set(d, "places", PlacesData(doc, g, Heading(g.ref)));
    list.push_back(d);
  }
  return list;
}

data UnresolvedData(const DocumentView& view) {
  const legal::Document& doc = view.stored.doc;
  data list{data::type::list};
  for (const CitedGroup& g : view.unresolved) {
    const legal::Citation& first = doc.citations[g.citations.front()];
    data d;
    Set(d, "raw", first.raw);
    Set(d, "reason", UnresolvedReason(first));
    Set(d, "search_href", CitationHref(first));
    Set(d, "count", std::to_string(g.citations.size()));
    Set(d, "places", PlacesData(doc, g, UnresolvedKey(first)));
    Set(d, "places_summary", PlacesSummary(doc, g));
    list.push_back(d);
  }
  return list;
}

// The Pháp điển's notes on the document's articles ("bị bãi bỏ bởi Điều
// 35 Luật số 42/2013/QH13", "có nội dung được sửa đổi bởi Điều 217 Luật
// số 59/2020/QH14"): each with the article it is on and what the note says
// happened to it, the words between the note's last comma and the
// document named. X2 (QA 22): repeals and amendments were only grey links
// in the text, named nowhere on the page.
data SourceNotesData(const legal::Document& doc) {
  constexpr size_t kMaxRelationBytes = 80;
  data list{data::type::list};
  for (const legal::Citation& c : doc.citations) {
    if (!c.source_note || c.begin > doc.text.size()) continue;
    std::string_view before = std::string_view(doc.text).substr(0, c.begin);
    size_t comma = before.rfind(", ");
    size_t eol = before.rfind('\n');
    std::string_view relation;
    if (comma != std::string_view::npos && (eol == std::string_view::npos || comma > eol) &&
        before.size() - comma <= kMaxRelationBytes) {
      relation = before.substr(comma + 2);
    }
    data d;
    Set(d, "place", PlaceOf(doc, c.begin));
    Set(d, "place_href", "#c-" + std::to_string(c.begin));
    Set(d, "relation", std::string(relation));
    Set(d, "href", CitationHref(c));
    Set(d, "raw", c.raw);
    list.push_back(d);
  }
  return list;
}

// A citation's span in its sentence, and why its link may land on another
// part than the one meant (legal::UncertainLinkNote), or "".
struct SentenceMark {
  size_t begin = 0;
  size_t end = 0;
  std::string doubt;
};

// A mark with a doubt carries it as the text's link does: class
// "cite-uncertain" (the "!", "(!)" in print) and the doubt as its title.
std::string MarkHtml(std::string_view text, const std::string& doubt) {
  std::string open = doubt.empty()
                         ? "<mark>"
                         : "<mark class=\"cite-uncertain\" title=\"" + HtmlEscape(doubt) + "\">";
  return open + HtmlEscape(text) + "</mark>";
}

// The citing sentence as HTML, its citations of this document marked so
// that the eye finds them (spans in the sentence, search::CitedBy::marks),
// whatever words they use; the cited number when no span is known.
std::string SentenceHtml(std::string_view sentence, const std::vector<SentenceMark>& marks,
                         const std::string& number) {
  std::string out;
  size_t pos = 0;
  for (const SentenceMark& m : marks) {
    if (m.begin < pos || m.end <= m.begin || m.end > sentence.size()) continue;
    out += HtmlEscape(sentence.substr(pos, m.begin - pos)) +
           MarkHtml(sentence.substr(m.begin, m.end - m.begin), m.doubt);
    pos = m.end;
  }
  if (pos > 0) return out + HtmlEscape(sentence.substr(pos));
  size_t at = number.empty() ? std::string_view::npos : sentence.find(number);
  if (at == std::string_view::npos) return HtmlEscape(sentence);
  return HtmlEscape(sentence.substr(0, at)) + "<mark>" + HtmlEscape(number) + "</mark>" +
         HtmlEscape(sentence.substr(at + number.size()));
}

data CitingData(const DocumentView& view) {
  data list{data::type::list};
  for (const CitingGroup& g : view.citing) {
    data d = RefData(g.ref);
    Set(d, "count", std::to_string(g.Citations()));
    data places{data::type::list};
    for (const search::CitedBy& c : g.places) {
      data place;
      std::string_view sentence = c.sentence;
      std::vector<SentenceMark> marks;
      for (const auto& [begin, end] : c.marks) marks.push_back({begin, end, ""});
      while (!sentence.empty() && (sentence.front() == '-' || sentence.front() == ' ')) {
        sentence.remove_prefix(1);
        for (SentenceMark& m : marks) {
          m.begin = m.begin > 0 ? m.begin - 1 : 0;
          m.end = m.end > 0 ? m.end - 1 : 0;
        }
      }
      Set(place, "sentence_html", SentenceHtml(sentence, marks, view.stored.doc.meta.number));
      Set(place, "href", DocHref(c.citing_id) + "#c-" + std::to_string(c.begin));
      Set(place, "target_anchor", c.target_anchor);
      // The parts of this document the sentence cites, each a link to it,
      // with the doubt the citing text's link has (T10: "Chương V" after a
      // break in the chapters).
      std::string parts;
      for (const auto& anchor : c.target_anchors) {
        std::string label = AnchorLabel(view.stored.doc, anchor);
        if (label.empty()) continue;
        std::string doubt = UncertainLinkNote(view.stored.doc, anchor, /*self=*/false);
        std::string attrs =
            doubt.empty() ? "" : " class=\"cite-uncertain\" title=\"" + HtmlEscape(doubt) + "\"";
        // As the citing text's link: to the note on the numbering (T1).
        std::string_view to = legal::IsNumberingDoubt(doubt) ? kNumberingNoteAnchor : anchor;
        parts += std::string(parts.empty() ? "" : ", ") + "<a" + attrs + " href=\"#" +
                 HtmlEscape(to) + "\">" + HtmlEscape(label) + "</a>";
      }
      Set(place, "parts_html", parts);
      places.push_back(place);
    }
    Set(d, "places", places);
    list.push_back(d);
  }
  return list;
}

data CommonData(const DocumentView& view) {
  const search::StoredDocument& s = view.stored;
  DocRef ref = RefOf(s);
  data d;
  Set(d, "id", s.doc.id);
  Set(d, "href", DocHref(s.doc.id));
  Set(d, "name", ShortName(ref.type, ref.number, ref.title, NameByFile(s)));
  legal::HeadingName h1 = DocHeading(s);
  Set(d, "heading", h1.name);
  Set(d, "type", s.doc.meta.type.empty() ? kUnknown : s.doc.meta.type);
  Set(d, "type_class", TypeClass(s.doc.meta.type));
  Set(d, "number", s.doc.meta.number);
  Set(d, "title", h1.title);
  Set(d, "has_text", s.has_text);
  Set(d, "fields", MetaFields(s));
  Set(d, "cited", CitedData(view));
  Set(d, "cited_count", std::to_string(view.cited.size()));
  Set(d, "any_cited", !view.cited.empty());
  Set(d, "unresolved", UnresolvedData(view));
  Set(d, "any_unresolved", !view.unresolved.empty());
  data notes = SourceNotesData(s.doc);
  Set(d, "any_notes", !notes.is_empty_list());
  Set(d, "notes", notes);
  Set(d, "citing", CitingData(view));
  Set(d, "citing_count", std::to_string(view.citing.size()));
  Set(d, "any_citing", !view.citing.empty());
  // T1: a numbering break is told on the page, not only in `show --json`.
  std::string breaks;
  for (const std::string& b : NumberingBreaks(s.doc, 5)) breaks += (breaks.empty() ? "" : "; ") + b;
  Set(d, "numbering_breaks", breaks);
  Set(d, "search_href",
      "/tim-kiem?q=" + UrlEncode(s.doc.meta.number.empty() ? s.doc.meta.title : s.doc.meta.number));
  return d;
}

Templates::PageMeta Meta(const DocumentView& view, const std::string& suffix) {
  Templates::PageMeta meta;
  meta.title = Heading(RefOf(view.stored)) + suffix;
  return meta;
}

}  // namespace

Graph DocumentView::MakeGraph() const {
  Graph g;
  g.center = RefOf(stored);
  g.cited = cited;
  g.unresolved = unresolved;
  g.citing = citing;
  g.doc = &stored.doc;
  return g;
}

std::string Renderer::DocumentPage(const DocumentView& view) const {
  data d = CommonData(view);
  Set(d, "text_html", DocumentTextHtml(view.stored.doc, &view.link_notes));
  Set(d, "toc_html", TocHtml(view.stored.doc));
  Graph graph = view.MakeGraph();
  Set(d, "graph_svg", GraphSvg(graph));
  Set(d, "graph_svg_narrow", GraphSvgNarrow(graph));
  Templates::PageMeta meta = Meta(view, "");
  // Past the contents list, which is long for a law (Luật 10/2022: 107 links).
  if (view.stored.has_text) meta.skip_to = "toan-van";
  return templates_.RenderPage("document", d, meta);
}

std::string Renderer::GraphPage(const DocumentView& view) const {
  data d = CommonData(view);
  Graph graph = view.MakeGraph();
  Set(d, "graph_svg", GraphSvg(graph));
  Set(d, "graph_svg_narrow", GraphSvgNarrow(graph));
  return templates_.RenderPage("graph", d, Meta(view, " — Đồ thị dẫn chiếu"));
}

namespace {

data StudyEntry(const DocumentView& view, size_t i) {
  const CitedGroup& g = view.cited[i];
  const legal::Document& doc = view.stored.doc;
  data d = RefData(g.ref);
  Set(d, "count", std::to_string(g.citations.size()));
  data sentences{data::type::list};
  std::string last;
  // Every sentence is shown: the handout is where the class reads them.
  size_t sentence_count = 0;
  for (int ci : g.citations) {
    const legal::Citation& c = doc.citations[ci];
    std::string sentence = SentenceAround(doc.text, c.begin, c.end);
    if (sentence == last) continue;
    last = sentence;
    // The group's citations in it marked, as on the document page, with
    // the doubts their links in the text carry.
    std::vector<SentenceMark> marks;
    size_t start = legal::SentenceStart(doc.text, sentence, c.begin);
    for (int other : g.citations) {
      const legal::Citation& o = doc.citations[other];
      if (start != std::string::npos && o.begin >= start && o.end > o.begin &&
          o.end - start <= sentence.size()) {
        size_t note = static_cast<size_t>(other);
        marks.push_back({o.begin - start, o.end - start,
                         note < view.link_notes.size() ? view.link_notes[note] : ""});
      }
    }
    std::sort(marks.begin(), marks.end(), [](const SentenceMark& a, const SentenceMark& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    data s;
    Set(s, "sentence_html", SentenceHtml(sentence, marks, g.ref.number));
    Set(s, "where", PlaceOf(doc, c.begin));
    sentences.push_back(s);
    ++sentence_count;
  }
  Set(d, "sentence_count", std::to_string(sentence_count));
  Set(d, "fewer_sentences", sentence_count < g.citations.size());
  Set(d, "sentences", sentences);
  // Every key is set, so that none falls back to the outer document's.
  search::StoredDocument none;
  const search::StoredDocument& cited = i < view.cited_docs.size() ? view.cited_docs[i] : none;
  Set(d, "fields", MetaFields(cited));
  std::string heading, code;
  bool cut = false;
  Set(d, "opening_html", OpeningHtml(cited.doc, 4000, &heading, &cut, &code));
  Set(d, "opening_heading", heading);
  Set(d, "opening_code", code);
  Set(d, "opening_cut", cut);
  return d;
}

}  // namespace

std::string Renderer::PrintPage(const DocumentView& view) const {
  data d = CommonData(view);
  Set(d, "text_html", DocumentTextHtml(view.stored.doc, &view.link_notes));
  data entries{data::type::list};
  for (size_t i = 0; i < view.cited.size(); ++i) entries.push_back(StudyEntry(view, i));
  Set(d, "entries", entries);
  Templates::PageMeta meta = Meta(view, " — Bản in học tập");
  meta.body_class = "print-view";
  return templates_.RenderPage("print", d, meta);
}

}  // namespace vanban::server
