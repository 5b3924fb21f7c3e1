//===--- ContextSources.h - asyncctx ----------------------------*- C++ -*-===//
//
// Which declarations read async context when used (a "context read",
// docs/checks/asyncctx-callback-without-context.md#what-counts-as-reading-context),
// and which calls are adapters that capture it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_CONTEXTSOURCES_H
#define ASYNCCTX_CHECKS_CONTEXTSOURCES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace asyncctx {

/// Annotation that marks a declaration as a context source.
inline constexpr llvm::StringLiteral SourceAnnotation = "asyncctx::source";

/// Whether the fix's adapter carries what a source holds: the Carry column of
/// Catalogue.def.
enum class Carry { Carried, WithBridge, NotCarried };

/// What a fix must do for a read to be carried.
struct SourceCarry {
  Carry Kind = Carry::Carried;
  /// For WithBridge: the header that registers the bridge.
  llvm::StringRef BridgeHeader;
  /// For NotCarried: the declaration a bridge would be written for.
  const clang::NamedDecl *Uncarried = nullptr;
};

/// A variable an `asyncctx::bridge` call registers, and where.
struct RegisteredBridge {
  const clang::VarDecl *Variable;
  clang::SourceLocation Loc;
};

/// The variables that calls to `asyncctx::bridge` in \p Context's
/// translation unit register: those whose callable argument (a lambda or a
/// function) returns a reference to a variable,
/// `asyncctx::bridge([]() -> T & { return g_request_id; })`. A bridge is its
/// own registration: no option names these.
std::vector<RegisteredBridge> bridgedVariables(clang::ASTContext &Context);

/// The note that tells how to register a bridge for \p Declaration, a source
/// the fix does not carry: the bridge line for a variable.
std::string bridgeAdvice(const clang::NamedDecl *Declaration,
                         const clang::PrintingPolicy &Policy);

class ContextSources {
public:
  /// \p UserSources and \p UserAdapters add to the built-ins of Catalogue.def.
  ContextSources(const std::vector<std::string> &UserSources,
                 const std::vector<std::string> &UserAdapters,
                 const std::vector<std::string> &UserRestoreGuards);

  /// Adds sources a bridge registered elsewhere carries (the option
  /// BridgedSources).
  void addBridgedElsewhere(const std::vector<std::string> &Names);
  /// Adds the sources the bridges of the current translation unit carry
  /// (bridgedVariables); forgotten by clearMemo.
  void addBridgedInTranslationUnit(const std::vector<RegisteredBridge> &Found);

  /// How the fix carries a read of source \p D: a variable with thread storage
  /// duration needs a bridge, a catalogue source says so in its row, the rest
  /// is carried. A bridged name is carried.
  SourceCarry carry(const clang::NamedDecl *D) const;

  /// A copy that counts as reads only those that \p Kind describes, and no
  /// adapter call: a ContextReadFinder over `onlyCarried(NotCarried)` finds
  /// a read that stays lost after the fix.
  ContextSources onlyCarried(Carry Kind) const;
  /// A copy that counts as reads only uses of `thread_local` variables
  /// outside system headers that are no source here: a bridge registered in
  /// another translation unit may make them one (whole-program facts).
  ContextSources onlyUnlistedThreadLocals() const;

  /// The headers that register the bridges of the catalogue's sources.
  std::vector<llvm::StringRef> bridgeHeaders() const;

  /// Whether using \p D reads context: \p D is listed, annotated or bridged,
  /// or is a member of a listed or annotated class. Memoized per declaration.
  bool isSource(const clang::NamedDecl *D) const;

  /// Whether \p D itself is listed or annotated, as opposed to being a member
  /// of a source class: names the read in messages.
  bool isListedItself(const clang::NamedDecl *D) const;

  /// Whether a call to \p Callee captures the context for later (an adapter).
  bool isAdapter(const clang::FunctionDecl *Callee) const;

  /// Whether using \p D (constructing a guard class, calling a function)
  /// activates a captured snapshot.
  bool isRestoreGuard(const clang::NamedDecl *D) const;

  /// Forgets memoized answers; declarations do not outlive their AST.
  void clearMemo() {
    TranslationUnitBridged.clear();
    SourceMemo.clear();
    AdapterMemo.clear();
    GuardMemo.clear();
  }

private:
  bool computeIsSource(const clang::NamedDecl *D) const;
  /// The declaration whose name or annotation makes \p D a source: \p D or
  /// an enclosing class; null if none.
  const clang::NamedDecl *listedDeclaration(const clang::NamedDecl *D) const;
  bool isBridged(const clang::NamedDecl *D) const;

  /// Catalogue rows by name; user sources are Carried.
  llvm::StringMap<SourceCarry> Sources;
  llvm::StringSet<> Bridged;
  llvm::StringSet<> TranslationUnitBridged;
  std::optional<Carry> OnlyKind;
  bool OnlyUnlisted = false;
  llvm::StringSet<> Adapters;
  llvm::StringSet<> RestoreGuards;
  mutable llvm::DenseMap<const clang::Decl *, bool> SourceMemo;
  mutable llvm::DenseMap<const clang::Decl *, bool> AdapterMemo;
  mutable llvm::DenseMap<const clang::Decl *, bool> GuardMemo;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CONTEXTSOURCES_H
