#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/problem.hpp"

namespace redress::http {
namespace {

// Records what the parser hands over.
struct Recorder final : MultipartSink {
  struct Part {
    PartHeader header;
    std::string body;
  };
  std::vector<Part> parts;
  std::size_t largest_chunk = 0;
  core::Status BeginPart(const PartHeader& header) override {
    parts.push_back({header, ""});
    return {};
  }
  core::Status PartData(std::string_view bytes) override {
    largest_chunk = std::max(largest_chunk, bytes.size());
    parts.back().body.append(bytes);
    return {};
  }
  core::Status EndPart() override { return {}; }
};

const std::string kBoundary = "----redress7MA4YWxk";

std::string Body() {
  return "------redress7MA4YWxk\r\n"
         "Content-Disposition: form-data; name=\"description\"\r\n\r\n"
         "Photos of the damp\r\n"
         "------redress7MA4YWxk\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".jpg\"\r\n"
         "Content-Type: image/jpeg\r\n\r\n"
         "\xff\xd8\xff\r\n--not-the-boundary\r\n\r\n------redress7MA4YWx-almost\r\n"
         "------redress7MA4YWxk--\r\n"
         "epilogue ignored";
}

TEST(MultipartParser, ParsesTheSameWhateverTheChunkSize) {
  const std::string body = Body();
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                            std::size_t{23}, std::size_t{64}, body.size()}) {
    Recorder recorder;
    MultipartParser parser(kBoundary, recorder);
    for (std::size_t at = 0; at < body.size(); at += chunk) {
      ASSERT_TRUE(parser.Feed(std::string_view(body).substr(at, chunk))) << chunk;
    }
    ASSERT_TRUE(parser.Finish()) << chunk;
    ASSERT_EQ(recorder.parts.size(), 2U) << chunk;
    EXPECT_EQ(recorder.parts[0].header.name, "description");
    EXPECT_FALSE(recorder.parts[0].header.filename);
    EXPECT_EQ(recorder.parts[0].body, "Photos of the damp");
    EXPECT_EQ(recorder.parts[1].header.name, "file");
    EXPECT_EQ(recorder.parts[1].header.filename, "a \"b\".jpg");
    EXPECT_EQ(recorder.parts[1].header.content_type, "image/jpeg");
    EXPECT_EQ(recorder.parts[1].body,
              "\xff\xd8\xff\r\n--not-the-boundary\r\n\r\n------redress7MA4YWx-almost");
  }
}

TEST(MultipartParser, HoldsAtMostAChunkAndADelimiter) {
  Recorder recorder;
  MultipartParser parser(kBoundary, recorder);
  ASSERT_TRUE(
      parser.Feed("------redress7MA4YWxk\r\nContent-Disposition: form-data; name=\"file\"; "
                  "filename=\"big.bin\"\r\n\r\n"));
  const std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(parser.Feed(chunk));
  EXPECT_LE(recorder.largest_chunk, chunk.size() + kBoundary.size() + 4);
  EXPECT_EQ(recorder.parts.back().body.size() + kBoundary.size() + 3, chunk.size() * 100);
}

TEST(MultipartParser, RefusesWhatIsNotStrictMultipart) {
  const std::vector<std::string> bodies = {
      "preamble\r\n------redress7MA4YWxk\r\n",
      "------redress7MA4YWxkXY",
      "------redress7MA4YWxk\r\nContent-Type: text/plain\r\n\r\nx\r\n------redress7MA4YWxk--",
      "------redress7MA4YWxk\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx",
      "------redress7MA4YWxk\r\nContent-Disposition: form-data\r\n\r\nx",
      "------redress7MA4YWxk\r\n" + std::string(kMaxPartHeaderBytes + 4, 'h'),
  };
  for (const std::string& body : bodies) {
    Recorder recorder;
    MultipartParser parser(kBoundary, recorder);
    const core::Status fed = parser.Feed(body);
    ASSERT_FALSE(fed) << body.substr(0, 60);
    EXPECT_EQ(RefusalOf(fed.error()), RequestRefusal::kMalformedRequest);
  }
  Recorder recorder;
  MultipartParser unfinished(kBoundary, recorder);
  ASSERT_TRUE(
      unfinished.Feed("------redress7MA4YWxk\r\nContent-Disposition: form-data; "
                      "name=\"a\"\r\n\r\npart"));
  EXPECT_FALSE(unfinished.Finish());
}

TEST(MultipartBoundary, ReadsTheBoundaryOfFormData) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc").value(), "abc");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; boundary=\"a b:c\"").value(), "a b:c");
  EXPECT_EQ(RefusalOf(MultipartBoundary("application/json").error()),
            RequestRefusal::kUnsupportedMediaType);
  EXPECT_EQ(RefusalOf(MultipartBoundary("multipart/form-data").error()),
            RequestRefusal::kMalformedRequest);
  EXPECT_EQ(
      RefusalOf(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')).error()),
      RequestRefusal::kMalformedRequest);
}

}  // namespace
}  // namespace redress::http
