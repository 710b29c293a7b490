// Escaping for each context, on hostile input: quotes, markup, `</script>`, U+2028/2029, control
// characters and bytes that are not UTF-8.
#include "base/escape.h"

#include <doctest/doctest.h>

#include <string>

using namespace hb;
using namespace std::string_literals;

namespace {

// Every kind of trouble in one string.
const std::string kHostile =
    "a\"b'c<d>e&f</script><!--g\\h\n\r\t\x01\x1F\x7F"
    "\xE2\x80\xA8\xE2\x80\xA9"  // U+2028 U+2029
    "\xC3"                      // a lead byte without its continuation
    "<\xFF\xC0\xAF"             // bytes that are never UTF-8, an overlong '/'
    "\xED\xA0\x80"              // a surrogate
    "\xEF\xBF\xBE"              // U+FFFE
    "æ€😀";

}  // namespace

TEST_CASE("HTML text escapes & < > and leaves everything else") {
  CHECK(html_text("") == "");
  CHECK(html_text("plain æøå") == "plain æøå");
  CHECK(html_text("a\"b'c<d>e&f</script>") == "a\"b'c&lt;d&gt;e&amp;f&lt;/script&gt;");
  CHECK(html_text("&amp;") == "&amp;amp;");
  // A byte that is not UTF-8 cannot hide the '<' after it.
  CHECK(html_text("\xC3<\xFF") == "\xC3&lt;\xFF");
}

TEST_CASE("HTML attribute escapes & < > \" ' and leaves everything else") {
  CHECK(html_attribute("a & b < c > d \" e ' f = g ` h") ==
        "a &amp; b &lt; c &gt; d &quot; e &#39; f = g ` h");
  CHECK(html_attribute("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x");
  CHECK(html_attribute("' autofocus '") == "&#39; autofocus &#39;");
  CHECK(html_attribute("\n\x01\xE2\x80\xA8") == "\n\x01\xE2\x80\xA8");
  std::string out = "[";
  append_html_attribute(out, "<");
  CHECK(out == "[&lt;");
}

TEST_CASE("A URL is percent-encoded outside cmark-gfm's safe set, with & and ' as entities") {
  CHECK(url_in_html("https://x.dk/a-b_c.d~e/?q=1&r=2#top") ==
        "https://x.dk/a-b_c.d~e/?q=1&amp;r=2#top");
  CHECK(url_in_html("a b\"c'd<e>f") == "a%20b%22c&#39;d%3Ce%3Ef");
  CHECK(url_in_html("\" onclick=\"x") == "%22%20onclick=%22x");
  CHECK(url_in_html("ø/æ.pdf") == "%C3%B8/%C3%A6.pdf");
  CHECK(url_in_html("%20 stays") == "%20%20stays");
  CHECK(url_in_html("\n\x01\x7F\xFF\\`{|}^") == "%0A%01%7F%FF%5C%60%7B%7C%7D%5E");
  CHECK(url_in_html(kHostile) ==
        "a%22b&#39;c%3Cd%3Ee&amp;f%3C/script%3E%3C!--g%5Ch%0A%0D%09%01%1F%7F"
        "%E2%80%A8%E2%80%A9%C3%3C%FF%C0%AF%ED%A0%80%EF%BF%BE%C3%A6%E2%82%AC%F0%9F%98%80");
}

TEST_CASE(
    "XML text and attributes escape as XML printers do and never write what XML cannot hold") {
  CHECK(xml_text("a\"b'c<d>e&f") == "a\"b'c&lt;d&gt;e&amp;f");
  std::string attribute;
  append_xml_attribute(attribute, "a\"b'c<d>e&f");
  CHECK(attribute == "a&quot;b&apos;c&lt;d&gt;e&amp;f");
  CHECK(xml_text("tab\tLF\nCR\r") == "tab\tLF\nCR\r");
  CHECK(xml_text(kHostile) ==
        "a\"b'c&lt;d&gt;e&amp;f&lt;/script&gt;&lt;!--g\\h\n\r\t\uFFFD\uFFFD\x7F"
        "\xE2\x80\xA8\xE2\x80\xA9"
        "\uFFFD&lt;\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDæ€😀");
  CHECK(xml_text("\0"s) == "\uFFFD");
}

TEST_CASE("A JavaScript string is safe in <script>, valid JSON, and keeps its text") {
  CHECK(js_string("plain æøå €😀") == "plain æøå €😀");
  CHECK(js_string("</script><!--") == "\\u003c/script\\u003e\\u003c!--");
  CHECK(js_string("\"'\\") == "\\\"\\u0027\\\\");
  CHECK(js_string("\n\r\t\b\x01\x1F\x7F") == "\\n\\r\\t\\u0008\\u0001\\u001f\x7F");
  CHECK(js_string("a&b") == "a\\u0026b");
  CHECK(js_string("\0"s) == "\\u0000");
  CHECK(js_string(kHostile) ==
        "a\\\"b\\u0027c\\u003cd\\u003ee\\u0026f\\u003c/script\\u003e\\u003c!--g\\\\h\\n\\r\\t"
        "\\u0001\\u001f\x7F\\u2028\\u2029\\ufffd\\u003c\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd"
        "\xEF\xBF\xBEæ€😀");
  // Cut short at the end of the text.
  CHECK(js_string("\xE2\x80") == "\\ufffd\\ufffd");
  CHECK(js_string("\xF0\x9F\x98") == "\\ufffd\\ufffd\\ufffd");
}

TEST_CASE("utf8_sequence accepts well-formed characters only") {
  CHECK(utf8_sequence("a", 0) == 1);
  CHECK(utf8_sequence("æ", 0) == 2);
  CHECK(utf8_sequence("€", 0) == 3);
  CHECK(utf8_sequence("😀", 0) == 4);
  CHECK(utf8_sequence("\xF4\x8F\xBF\xBF", 0) == 4);  // U+10FFFF
  CHECK(utf8_sequence("\xF4\x90\x80\x80", 0) == 0);  // beyond U+10FFFF
  CHECK(utf8_sequence("\xC1\xBF", 0) == 0);          // overlong
  CHECK(utf8_sequence("\xE0\x9F\xBF", 0) == 0);      // overlong
  CHECK(utf8_sequence("\xF0\x8F\xBF\xBF", 0) == 0);  // overlong
  CHECK(utf8_sequence("\xED\xBF\xBF", 0) == 0);      // surrogate
  CHECK(utf8_sequence("\xED\x9F\xBF", 0) == 3);      // U+D7FF
  CHECK(utf8_sequence("\x80", 0) == 0);
  CHECK(utf8_sequence("\xC3", 0) == 0);
  CHECK(utf8_sequence("a", 1) == 0);
}

TEST_CASE(
    "terminal text: controls and bytes that are not UTF-8 as U+FFFD, tab and line feed kept when "
    "asked") {
  std::string text = "a\tb\nc\x1b[1m\xc2\x9b\x7f\xff\xe2\x82 æ€😀";
  CHECK(terminal_text(text, false) == "a\uFFFDb\uFFFDc\uFFFD[1m\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD æ€😀");
  CHECK(terminal_text(text, true) == "a\tb\uFFFDc\uFFFD[1m\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD æ€😀");
  CHECK(terminal_text(text, true, true) == "a\tb\nc\uFFFD[1m\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD æ€😀");
}
