#include "files/local_file_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace redress::files {
namespace {

namespace fs = std::filesystem;

class LocalFileStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "redress-files-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = fs::path(pattern) / "files";
    auto store = LocalFileStore::Create(root_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override { fs::remove_all(root_.parent_path()); }

  app::StoredContent Put(std::string_view text) {
    auto upload = store_->Begin();
    EXPECT_TRUE(upload);
    EXPECT_TRUE((*upload)->Write(std::span<const char>(text.data(), text.size())));
    auto stored = (*upload)->Commit();
    EXPECT_TRUE(stored);
    return *stored;
  }

  static std::size_t FilesUnder(const fs::path& folder) {
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      if (entry.is_regular_file()) ++count;
    }
    return count;
  }

  fs::path root_;
  std::unique_ptr<LocalFileStore> store_;
};

TEST_F(LocalFileStoreTest, StoresContentOnceUnderItsSha256) {
  const app::StoredContent first = Put("abc");
  EXPECT_EQ(first.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(first.size, 3);
  const app::StoredContent second = Put("abc");
  EXPECT_EQ(second.sha256, first.sha256);
  EXPECT_EQ(FilesUnder(root_ / "sha256"), 1U);
  EXPECT_EQ(FilesUnder(root_ / "tmp"), 0U);
  struct stat status {};
  ASSERT_EQ(::stat(store_->PathOf(first.sha256).c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777U, 0600U);
  ASSERT_EQ(::stat(root_.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777U, 0700U);

  auto reader = store_->Open(first.sha256);
  ASSERT_TRUE(reader);
  std::array<char, 2> buffer{};
  auto read = (*reader)->Read(1, buffer);
  ASSERT_TRUE(read);
  EXPECT_EQ(std::string(buffer.data(), *read), "bc");
}

TEST_F(LocalFileStoreTest, AnUploadNotCommittedLeavesNothing) {
  {
    auto upload = store_->Begin();
    ASSERT_TRUE(upload);
    ASSERT_TRUE((*upload)->Write(std::span<const char>("partial", 7)));
    EXPECT_EQ(FilesUnder(root_ / "tmp"), 1U);
  }
  EXPECT_EQ(FilesUnder(root_), 0U);
}

TEST_F(LocalFileStoreTest, SweepRemovesUnfinishedUploadsAndUnreferencedContent) {
  const app::StoredContent kept = Put("kept");
  const app::StoredContent orphan = Put("orphan");
  auto upload = store_->Begin();  // as a killed process leaves it
  ASSERT_TRUE(upload);
  (void)upload->release();  // leaks the object on purpose: the file stays, as after SIGKILL
  auto swept = store_->Sweep({kept.sha256});
  ASSERT_TRUE(swept);
  EXPECT_EQ(*swept, 2);
  EXPECT_TRUE(store_->Open(kept.sha256));
  EXPECT_FALSE(store_->Open(orphan.sha256));
  EXPECT_EQ(FilesUnder(root_ / "tmp"), 0U);
}

// `make demo` names its database "demo.db", so its files are "demo.db.files": a relative name
// whose parent is the working directory, created on the first run of a fresh clone.
TEST_F(LocalFileStoreTest, CreatesARelativeFolderInTheWorkingDirectory) {
  const fs::path before = fs::current_path();
  fs::current_path(root_.parent_path());
  auto created = LocalFileStore::Create("relative.files");
  fs::current_path(before);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(fs::is_directory(root_.parent_path() / "relative.files"));
}

TEST_F(LocalFileStoreTest, RefusesNamesThatAreNotAHash) {
  EXPECT_EQ(store_->Open("../../etc/passwd").error().code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(store_->Remove("../x"));
  EXPECT_FALSE(IsSha256Hex("ABC"));
}

}  // namespace
}  // namespace redress::files
