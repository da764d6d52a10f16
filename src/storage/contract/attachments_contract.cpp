// Attachments: what is known about each attached file, its removal kept, the content still
// referred to, and the policy an admin keeps.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

app::Attachment Attached(std::string reference, char digest, std::int64_t size) {
  app::Attachment attachment;
  attachment.attached_to = core::AttachedTo::kComplaint;
  attachment.reference = std::move(reference);
  attachment.name = "photo.jpg";
  attachment.media_type = "image/jpeg";
  attachment.size = size;
  attachment.sha256 = std::string(64, digest);
  attachment.description = "The damp wall";
  attachment.supplier = core::Supplier::kResident;
  attachment.scan_state = core::ScanState::kPending;
  attachment.added_by = "officer";
  attachment.added_at = "2024-05-02T09:00:00Z";
  return attachment;
}

TEST_P(StoreContract, AttachmentsAreListedUntilRemovedAndTheirRemovalIsKept) {
  const auto insert = [&](const app::Attachment& attachment) {
    Result<app::Attachment> inserted =
        InWrite<app::Attachment>([&](app::Tx& tx) { return tx.Attachments().Insert(attachment); });
    EXPECT_TRUE(inserted) << inserted.error().message;
    return inserted.value_or(app::Attachment{});
  };
  const app::Attachment photo = insert(Attached("CMP-2024-000001", 'a', 1000));
  const app::Attachment copy = insert(Attached("CMP-2024-000001", 'a', 1000));
  const app::Attachment other = insert(Attached("CMP-2024-000002", 'b', 500));
  EXPECT_NE(photo.id, copy.id);

  Result<app::Attachment> found = InRead<app::Attachment>([&](app::Tx& tx) {
    return tx.Attachments().Find(core::AttachedTo::kComplaint, "CMP-2024-000001", photo.id);
  });
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(*found, photo);
  // An attachment is found only through the record it is attached to.
  EXPECT_EQ(InRead<app::Attachment>([&](app::Tx& tx) {
              return tx.Attachments().Find(core::AttachedTo::kComplaint, "CMP-2024-000002",
                                           photo.id);
            })
                .error()
                .code,
            ErrorCode::kNotFound);

  const app::AttachmentRemoval removal{"manager", "2024-05-03T10:00:00Z", "wrong case"};
  WriteOk([&](app::Tx& tx) { return tx.Attachments().MarkRemoved(copy.id, removal); });
  EXPECT_EQ(WriteStatus([&](app::Tx& tx) { return tx.Attachments().MarkRemoved(copy.id, removal); })
                .error()
                .code,
            ErrorCode::kNotFound);
  Result<std::vector<app::Attachment>> listed =
      InRead<std::vector<app::Attachment>>([](app::Tx& tx) {
        return tx.Attachments().ListOf(core::AttachedTo::kComplaint, "CMP-2024-000001");
      });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, photo.id);
  Result<app::Attachment> removed = InRead<app::Attachment>([&](app::Tx& tx) {
    return tx.Attachments().Find(core::AttachedTo::kComplaint, "CMP-2024-000001", copy.id);
  });
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->removal, removal);

  Result<std::int64_t> bytes = InRead<std::int64_t>([](app::Tx& tx) {
    return tx.Attachments().BytesHeldBy(core::AttachedTo::kComplaint, "CMP-2024-000001");
  });
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, 1000);
  Result<std::int64_t> referring = InRead<std::int64_t>(
      [](app::Tx& tx) { return tx.Attachments().CountReferring(std::string(64, 'a')); });
  ASSERT_TRUE(referring);
  EXPECT_EQ(*referring, 1);
  Result<std::vector<std::string>> content = InRead<std::vector<std::string>>(
      [](app::Tx& tx) { return tx.Attachments().ReferencedContent(); });
  ASSERT_TRUE(content);
  EXPECT_EQ(*content, (std::vector<std::string>{std::string(64, 'a'), std::string(64, 'b')}));

  WriteOk([](app::Tx& tx) {
    return tx.Attachments().SetScanState(std::string(64, 'b'), core::ScanState::kInfected);
  });
  Result<app::Attachment> scanned = InRead<app::Attachment>([&](app::Tx& tx) {
    return tx.Attachments().Find(core::AttachedTo::kComplaint, "CMP-2024-000002", other.id);
  });
  ASSERT_TRUE(scanned);
  EXPECT_EQ(scanned->scan_state, core::ScanState::kInfected);
}

TEST_P(StoreContract, TheAttachmentPolicyIsTheDefaultUntilSaved) {
  Result<core::AttachmentPolicy> initial =
      InRead<core::AttachmentPolicy>([](app::Tx& tx) { return tx.Attachments().LoadPolicy(); });
  ASSERT_TRUE(initial) << initial.error().message;
  EXPECT_EQ(*initial, core::AttachmentPolicy{});
  core::AttachmentPolicy policy;
  policy.max_file_bytes = 1000;
  policy.max_case_bytes = 5000;
  policy.allowed = {{"application/pdf", "PDF"}, {"image/png", "PNG \"image\""}};
  WriteOk([&](app::Tx& tx) { return tx.Attachments().SavePolicy(policy); });
  policy.max_case_bytes = 6000;
  WriteOk([&](app::Tx& tx) { return tx.Attachments().SavePolicy(policy); });
  Result<core::AttachmentPolicy> saved =
      InRead<core::AttachmentPolicy>([](app::Tx& tx) { return tx.Attachments().LoadPolicy(); });
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(*saved, policy);
}

}  // namespace
}  // namespace redress::storage::contract
