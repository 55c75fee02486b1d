// Read.cpp - structural check of GCC's .gcno/.gcda coverage files
// SPDX-License-Identifier: Apache-2.0
//
// Format: gcc/gcov-io.h. Both files start with 32-bit words: magic ("gcno" /
// "gcda" as a host-order word), version, stamp, and since GCC 12 a checksum;
// the stamp of a .gcda equals its .gcno's. Then records: tag, length,
// payload. The length counts bytes since GCC 12 and 32-bit words before, so
// a complete file is one whose records end exactly at its end in one of the
// two layouts.

#include "formats/gcda/Read.h"
#include "exitbar/Error.h"
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace exitbar::formats {
namespace {

constexpr uint32_t NotesMagic = 0x67636e6f; // "gcno"
constexpr uint32_t DataMagic = 0x67636461;  // "gcda"

std::vector<unsigned char> readBytes(const std::string &Path, bool &Exists) {
  std::ifstream In(Path, std::ios::binary);
  Exists = static_cast<bool>(In);
  return {std::istreambuf_iterator<char>(In), std::istreambuf_iterator<char>()};
}

uint32_t word(const std::vector<unsigned char> &B, size_t Offset) {
  uint32_t W;
  std::memcpy(&W, B.data() + Offset, sizeof W);
  return W;
}

/// True when the records after a \p Header-byte header end exactly at the
/// end of the file with lengths counted in \p Unit bytes.
bool recordsFit(const std::vector<unsigned char> &B, size_t Header,
                size_t Unit) {
  size_t Offset = Header;
  while (Offset < B.size()) {
    // GCC 12 ends the file with a zero tag word.
    if (B.size() - Offset == 4 && word(B, Offset) == 0)
      return true;
    if (B.size() - Offset < 8)
      return false;
    // GCC 12 writes an all-zero counter record as a negative length and
    // no payload.
    auto Signed = static_cast<int32_t>(word(B, Offset + 4));
    uint64_t Length = Signed < 0 ? 0 : static_cast<uint64_t>(Signed) * Unit;
    Offset += 8;
    if (Length > B.size() - Offset)
      return false;
    Offset += Length;
  }
  return Offset == B.size();
}

} // namespace

void checkGcovFiles(const std::string &Gcno) {
  bool Exists = false;
  auto Notes = readBytes(Gcno, Exists);
  if (!Exists)
    throw Error("input.gcov.corrupt", Gcno, "", "cannot be read");
  if (Notes.size() < 12 || word(Notes, 0) != NotesMagic)
    throw Error("input.gcov.corrupt", Gcno, "", "not a gcov notes file");
  std::string Gcda = Gcno.substr(0, Gcno.size() - 5) + ".gcda";
  auto Data = readBytes(Gcda, Exists);
  if (!Exists)
    return; // compiled but never run: counts with zero hits
  if (Data.size() < 12 || word(Data, 0) != DataMagic)
    throw Error("input.gcov.corrupt", Gcda, "", "not a gcov data file");
  if (word(Data, 4) != word(Notes, 4) || word(Data, 8) != word(Notes, 8))
    throw Error("input.gcov.corrupt", Gcda, "",
                "does not match its .gcno (stale data from another build; "
                "delete the .gcda files and re-run the tests)");
  // GCC 12 added a checksum word to the header and counts lengths in bytes.
  if (!recordsFit(Data, 16, 1) && !recordsFit(Data, 12, 4))
    throw Error("input.gcov.corrupt", Gcda, "",
                "is truncated or corrupt (" + std::to_string(Data.size()) +
                    " bytes)");
}

} // namespace exitbar::formats
