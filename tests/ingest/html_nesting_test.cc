// HtmlNestingDepth: the depth the HTML parsing rules give a page, from a
// linear scan, so that absurd nesting is refused before gumbo parses it.
#include "ingest/html_nesting.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::ingest {
namespace {

// R4 (QA 22): what closes an element without its end tag is modelled, so a
// long page of unclosed paragraphs, items and cells is shallow; what the
// model cannot tell stays open (a page is judged deeper, never shallower).
TEST(HtmlNestingTest, DepthAsTheParsingRulesGiveIt) {
  struct Case {
    const char* html;
    int depth;
  } cases[] = {
      {"<html><body><div><div>Điều 1.</div></div></body></html>", 2},
      {"<p>Điều 1.<p>Điều 2.<p>Điều 3.", 1},
      {"<p><font face=\"Times\">khoản 1<p><font>khoản 2<p><b>khoản 3", 2},
      {"<ul><li>a) điểm a<li>b) điểm b</ul>", 2},
      {"<ul><li><div>a<li>b</ul>", 3},      // <div> does not stop an <li>
      {"<ul><li><section>a<li>b</ul>", 4},  // <section> does
      {"<dl><dt>Tố cáo<dd>là việc<dt>Người<dd>là</dl>", 2},
      {"<table><tr><td>QUỐC HỘI<td>CỘNG HÒA<tr><td>Số: 25</table>", 3},
      {"<div><span>a</div><span>b</span>", 2},
      {"<div><span>a</span></p></div>", 2},  // an unmatched end tag is ignored
      {"<div><b>a</div></div></div>x", 2},
      {"<h1><h2>Chương I</h2>", 1},
      {"<select><option>a<option>b<optgroup><option>c</select>", 3},
      {"<div/><div/><div/>", 3},                                  // no self-closing <div> in HTML
      {"<svg><path d=\"M0 0\"/><path/><g><rect/></g></svg>", 2},  // but in SVG
      {"<br><img src=\"a.png\"><hr><input><meta charset=\"utf-8\">", 0},
      {"<script>var s = '<div><div><div>';</script><style>a<b{}</style>", 0},
      {"<SCRIPT>x = '</scr' + 'ipt><div>';</SCRIPT >", 0},
      {"<!-- <div><div> --><!DOCTYPE html><?xml ?>", 0},
      {"<p title='a > b'><b class=\"x>y\">Điều 1.</b></p>", 2},
      {"a < b và c<d", 1},        // "<d" is a start tag
      {"<td>ngoài bảng<tr>", 0},  // ignored outside a table
  };
  for (const Case& c : cases) EXPECT_EQ(HtmlNestingDepth(c.html, 1000), c.depth) << c.html;
}

TEST(HtmlNestingTest, StopsPastTheLimit) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  EXPECT_EQ(HtmlNestingDepth(html, 1000), 1001);
  EXPECT_EQ(HtmlNestingDepth(html, 5000), 5000);
  html.clear();
  for (int i = 0; i < 5000; ++i) html += "<div></div><p>Điều 1.</p>";
  EXPECT_EQ(HtmlNestingDepth(html, 1000), 1);
}

}  // namespace
}  // namespace vanban::ingest
