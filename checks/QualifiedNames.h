//===--- QualifiedNames.h - asyncctx ----------------------------*- C++ -*-===//
//
// Fully qualified names as users write them in options and as the built-in
// catalogues spell them: no template arguments, no inline namespaces.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_QUALIFIEDNAMES_H
#define ASYNCCTX_CHECKS_QUALIFIEDNAMES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace asyncctx {

/// The name of \p D qualified by its enclosing namespaces and classes, without
/// template arguments, inline namespaces (`std::__1`) or anonymous namespaces,
/// and without a leading `::`. A constructor is named after its class.
std::string plainQualifiedName(const clang::NamedDecl *D);

/// Removes a leading `::` so that option entries and built-in names compare
/// equal however they were written.
llvm::StringRef withoutGlobalQualifier(llvm::StringRef Name);

/// Whether \p Name is a (possibly `::`-prefixed) sequence of C++ identifiers
/// joined by `::`.
bool isQualifiedIdentifier(llvm::StringRef Name);

/// Result of splitting a `;`-separated option value.
struct NameListParse {
  std::vector<std::string> Names;
  /// One message per malformed entry, naming the entry.
  std::vector<std::string> Errors;
};

/// The entries of a `;`-separated option value, trimmed. An empty value is an
/// empty list; an empty entry is reported in \p Errors and skipped.
llvm::SmallVector<llvm::StringRef, 8>
splitOptionList(llvm::StringRef Value, std::vector<std::string> &Errors);

/// Splits a `;`-separated list of qualified names. Surrounding whitespace is
/// ignored; an empty value is an empty list; an empty or malformed entry is an
/// error.
NameListParse parseQualifiedNameList(llvm::StringRef Value);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_QUALIFIEDNAMES_H
