//===--- QualifiedNames.cpp - asyncctx ------------------------------------===//

#include "checks/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace asyncctx {

static void appendName(const NamedDecl *D,
                       llvm::SmallVectorImpl<std::string> &Parts) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D)) {
    Parts.push_back(Ctor->getParent()->getNameAsString());
    return;
  }
  Parts.push_back(D->getNameAsString());
}

std::string plainQualifiedName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 6> Parts;
  appendName(D, Parts);
  const DeclContext *DC =
      isa<CXXConstructorDecl>(D)
          ? cast<CXXConstructorDecl>(D)->getParent()->getDeclContext()
          : D->getDeclContext();
  for (; DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getNameAsString());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Parts.push_back(RD->getNameAsString());
    } else if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      // A local class or variable: qualified by its function, like in
      // diagnostics, so that it never collides with a namespace-scope name.
      Parts.push_back(FD->getNameAsString());
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Result.empty())
      Result += "::";
    Result += *It;
  }
  return Result;
}

llvm::StringRef withoutGlobalQualifier(llvm::StringRef Name) {
  Name.consume_front("::");
  return Name;
}

static bool isIdentifier(llvm::StringRef Part) {
  if (Part.empty() || !(llvm::isAlpha(Part.front()) || Part.front() == '_'))
    return false;
  return llvm::all_of(Part,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

bool isQualifiedIdentifier(llvm::StringRef Name) {
  Name = withoutGlobalQualifier(Name);
  if (Name.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return llvm::all_of(Parts, isIdentifier);
}

llvm::SmallVector<llvm::StringRef, 8>
splitOptionList(llvm::StringRef Value, std::vector<std::string> &Errors) {
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  if (Value.trim().empty())
    return Entries;
  Value.split(Entries, ';');
  for (llvm::StringRef &Entry : Entries)
    Entry = Entry.trim();
  if (llvm::is_contained(Entries, ""))
    Errors.push_back("empty entry in '" + Value.str() + "'");
  llvm::erase_if(Entries, [](llvm::StringRef Entry) { return Entry.empty(); });
  return Entries;
}

NameListParse parseQualifiedNameList(llvm::StringRef Value) {
  NameListParse Result;
  for (llvm::StringRef Entry : splitOptionList(Value, Result.Errors)) {
    if (!isQualifiedIdentifier(Entry)) {
      Result.Errors.push_back(
          ("'" + Entry + "' is not a qualified name").str());
      continue;
    }
    Result.Names.push_back(withoutGlobalQualifier(Entry).str());
  }
  return Result;
}

} // namespace asyncctx
