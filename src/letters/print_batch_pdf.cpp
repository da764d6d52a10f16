#include "letters/print_batch_pdf.hpp"

#include <exception>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace redress::letters {

core::Result<JoinedPdf> JoinPdfs(const std::vector<std::string_view>& pdfs,
                                 const std::string& title) {
  if (pdfs.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "there are no letters to print");
  }
  try {
    QPDF joined;
    joined.emptyPDF();
    QPDFPageDocumentHelper joined_pages(joined);
    // Each source must outlive the write: the copied pages' streams are read from it then.
    std::vector<std::unique_ptr<QPDF>> sources;
    int pages = 0;
    for (std::size_t i = 0; i < pdfs.size(); ++i) {
      auto source = std::make_unique<QPDF>();
      // A stored letter is a whole PDF: anything else is an error, not a document to repair.
      source->setSuppressWarnings(true);
      source->setAttemptRecovery(false);
      std::string name = "letter " + std::to_string(i + 1);
      source->processMemoryFile(name.c_str(), pdfs[i].data(), pdfs[i].size());
      for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*source).getAllPages()) {
        joined_pages.addPage(page, false);
        ++pages;
      }
      sources.push_back(std::move(source));
    }
    QPDFObjectHandle info = joined.makeIndirectObject(QPDFObjectHandle::newDictionary());
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title));
    joined.getTrailer().replaceKey("/Info", info);
    QPDFWriter writer(joined);
    writer.setOutputMemory();
    // The ID from the content rather than the clock: the same batch gives the same bytes.
    writer.setDeterministicID(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    JoinedPdf result;
    result.bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    result.pages = pages;
    return result;
  } catch (const std::exception& error) {
    return core::Fail(core::ErrorCode::kInternal,
                      std::string("the letters could not be joined: ") + error.what());
  }
}

}  // namespace redress::letters
