#include "files/magic_media_types.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::files {
namespace {

TEST(MagicMediaTypes, TypesByContentNotName) {
  auto magic = MagicMediaTypes::Open();
  ASSERT_TRUE(magic) << magic.error().message;
  struct Case {
    std::string head;
    std::string media_type;
  };
  const std::vector<Case> cases = {
      {"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 33),
       "image/png"},
      {"Damp in the bathroom since March.\n", "text/plain"},
      {std::string("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16) + std::string(100, '\0'),
       "application/x-dosexec"},
  };
  for (const Case& test : cases) {
    auto detected = (*magic)->Detect(test.head);
    ASSERT_TRUE(detected);
    EXPECT_EQ(*detected, test.media_type);
  }
}

}  // namespace
}  // namespace redress::files
