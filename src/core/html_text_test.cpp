#include "core/html_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace redress::core {
namespace {

struct EscapeCase {
  std::string_view text;
  std::string_view escaped;
};

TEST(EscapeHtml, WritesEachSpecialCharacterAsAnEntity) {
  const EscapeCase cases[] = {
      {"", ""},
      {"plain words, 12.5%", "plain words, 12.5%"},
      {"&", "&amp;"},
      {"<", "&lt;"},
      {">", "&gt;"},
      {"\"", "&quot;"},
      {"'", "&#39;"},
      {"O'Brien & Sons <b>\"late\"</b>",
       "O&#39;Brien &amp; Sons &lt;b&gt;&quot;late&quot;&lt;/b&gt;"},
      {"&amp;", "&amp;amp;"},  // already escaped text is escaped again: the input is text
      {"caf\xc3\xa9 \xe2\x80\x94 \xc2\xa3"
       "5",
       "caf\xc3\xa9 \xe2\x80\x94 \xc2\xa3"
       "5"},  // UTF-8 as is
  };
  for (const EscapeCase& c : cases) {
    EXPECT_EQ(EscapeHtml(c.text), c.escaped) << c.text;
  }
}

TEST(EscapeHtml, AppendKeepsWhatIsThere) {
  std::string out = "<p>";
  AppendEscapedHtml(out, "a < b");
  EXPECT_EQ(out, "<p>a &lt; b");
}

}  // namespace
}  // namespace redress::core
