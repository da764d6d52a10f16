#pragma once

// The Ombudsman's records: its cases, Complaint Handling Failure Orders and the LGSCO's annual
// letter. Part of the ports (app/ports.hpp).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/ombudsman.hpp"
#include "core/result.hpp"

namespace redress::app {

// The Ombudsman records of one transaction (Tx::Ombudsman).
//
// Ombudsman cases ("OMB-") and failure orders ("CHFO-") are versioned like complaints: Insert
// assigns id, the reference "<prefix>-<year>-<6 digits>" (gap-free per year) and version 1;
// Update requires the stored version to equal expected_version (else kStaleVersion; kNotFound for
// an unknown reference) and stores version + 1; both return the record as stored. A complaint or
// Ombudsman case they name must exist (kInvalidInput naming the field). The use cases append the
// events. Lists are oldest first; an organisation has tens to hundreds of these a year, so the
// use cases filter them in memory.
class OmbudsmanRepository {
 public:
  virtual ~OmbudsmanRepository() = default;

  virtual core::Result<core::OmbudsmanCase> InsertCase(core::OmbudsmanCase ombudsman_case,
                                                       int year) = 0;
  virtual core::Result<core::OmbudsmanCase> UpdateCase(core::OmbudsmanCase ombudsman_case,
                                                       std::int64_t expected_version) = 0;
  virtual core::Result<core::OmbudsmanCase> LoadCase(std::string_view reference) = 0;
  // Every case, or only those concerning the complaint `complaint` when it is not empty.
  virtual core::Result<std::vector<core::OmbudsmanCase>> ListCases(std::string_view complaint) = 0;

  virtual core::Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder order,
                                                              int year) = 0;
  virtual core::Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder order,
                                                              std::int64_t expected_version) = 0;
  virtual core::Result<core::FailureOrder> LoadFailureOrder(std::string_view reference) = 0;
  virtual core::Result<std::vector<core::FailureOrder>> ListFailureOrders() = 0;

  // The LGSCO annual letter of a financial year; nullopt when none was entered.
  virtual core::Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int year) = 0;
  virtual core::Status SaveLgscoLetter(const core::LgscoLetter& letter) = 0;  // replaces the year's
};

}  // namespace redress::app
