//===--- ProgramFacts.h - asyncctx ------------------------------*- C++ -*-===//
//
// Whole-program analysis: the facts each translation unit exports about the
// functions it defines, the candidate findings it cannot decide alone, and
// their versioned JSON form. Plain data, no AST: the standalone tool, `merge`
// and the clang-tidy plugin exchange it (docs/whole-program.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_PROGRAMFACTS_H
#define ASYNCCTX_CHECKS_PROGRAMFACTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace asyncctx {

/// Bumped whenever the JSON form changes incompatibly.
inline constexpr unsigned FactsVersion = 2;

/// A position in a source file: an absolute, normalized path and a byte
/// offset (line and column, 1-based, for reports that show them).
struct FactLocation {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// A note of a finding, positioned anywhere in the program.
struct NoteFact {
  std::string Message;
  FactLocation Loc;
};

/// A context read a function performs itself, not through a call. For a read
/// that the fix's adapter may not carry, what the solve needs to decide
/// whether it does (docs/whole-program.md#bridges-and-carry).
struct ReadFact {
  std::string What;
  FactLocation Loc;
  /// A `thread_local` read: the variable's key. A bridge registered for it
  /// in any translation unit carries it.
  std::string Variable;
  /// A read of a source no bridge carries (not a thread_local): how the
  /// message names it (`folly::RequestContext`).
  std::string LostFrom;
  /// The header that registers the bridge a read needs (OpenTelemetry).
  std::string BridgeHeader;
  /// For a read that stays lost: the note that shows how to register a
  /// bridge.
  std::optional<NoteFact> Advice;
};

/// An optional fact held on the heap: empty, it costs one pointer instead of
/// the fact's size. A function has four optional reads and nearly every
/// function has none; held inline they made up most of a program's facts in
/// memory (docs/performance.md, "Whole-program analysis"). Assigned and read
/// like a std::optional.
template <typename T> class OptionalFact {
public:
  OptionalFact() = default;
  OptionalFact(std::nullopt_t) {}
  OptionalFact(T Value) : Held(std::make_unique<T>(std::move(Value))) {}
  OptionalFact(std::optional<T> Value) {
    if (Value)
      Held = std::make_unique<T>(std::move(*Value));
  }
  OptionalFact(const OptionalFact &Other)
      : Held(Other ? std::make_unique<T>(*Other) : nullptr) {}
  OptionalFact(OptionalFact &&) = default;
  OptionalFact &operator=(OptionalFact Other) {
    Held = std::move(Other.Held);
    return *this;
  }

  explicit operator bool() const { return Held != nullptr; }
  bool has_value() const { return Held != nullptr; }
  T &operator*() { return *Held; }
  const T &operator*() const { return *Held; }
  T *operator->() { return Held.get(); }
  const T *operator->() const { return Held.get(); }
  T &emplace() {
    Held = std::make_unique<T>();
    return *Held;
  }
  void reset() { Held.reset(); }

private:
  std::unique_ptr<T> Held;
};

/// A variable that an `asyncctx::bridge` call of a translation unit returns:
/// a context source the fix carries, in every translation unit.
struct BridgeFact {
  std::string Variable;
  std::string Name;
  FactLocation Loc;
};

/// A function a function runs, in source order up to its first direct read.
struct CallFact {
  /// The callee's cross-TU key (its USR).
  std::string Callee;
  /// The callee's name as notes show it; empty for a lambda.
  std::string Name;
  FactLocation Loc;
  /// A call through a virtual function: any override may run.
  bool Virtual = false;
};

/// Where a function sends one of its callable parameters.
struct ForwardFact {
  enum Kind {
    /// Into a boundary of the catalogue, options or annotations: `Target` is
    /// its name.
    Boundary,
    /// Into parameter `TargetParam` of another function: `Target` is its key.
    Parameter,
    /// Into a member (a container push, an assignment): `Target` is the
    /// member's key. A hand-off only if another function takes it out.
    Store,
  };
  unsigned Param = 0;
  Kind How = Boundary;
  std::string Target;
  /// How notes name the target: a boundary, a function, a member.
  std::string TargetName;
  unsigned TargetParam = 0;
  FactLocation Loc;
};

/// A function takes an element out of a member (`front()`, `pop()`,
/// `std::exchange`, `std::move` of the member, `swap`), to run it.
struct DrainFact {
  std::string Member;
  std::string MemberName;
  /// The innermost function (a lambda's call operator included) that does.
  std::string Function;
  std::string FunctionName;
  FactLocation Loc;
};

/// A function body handed to a boundary (`std::thread(&Pool::loop, this)`):
/// evidence of which thread runs a drain.
struct SpawnFact {
  std::string Runs;
  std::string Boundary;
  FactLocation Loc;
};

/// What one translation unit knows about one function it defines.
struct FunctionFacts {
  std::string Key;
  /// Qualified name, as boundaries are named; `Name` unqualified, for notes.
  std::string QualifiedName;
  std::string Name;
  FactLocation Loc;
  OptionalFact<ReadFact> Read;
  std::vector<CallFact> Calls;
  /// Keys of the methods this one overrides directly.
  std::vector<std::string> Overrides;
  std::vector<ForwardFact> Forwards;
  std::vector<DrainFact> Drains;
  std::vector<SpawnFact> Spawns;
  /// The first direct read the fix's adapter does not carry as the
  /// translation unit sees it (a listed thread_local, folly), ...
  OptionalFact<ReadFact> LostRead;
  /// ...the first that needs a bridge header, ...
  OptionalFact<ReadFact> BridgeRead;
  /// ...and the first of a `thread_local` that is no source here: one if a
  /// bridge registered elsewhere returns it.
  OptionalFact<ReadFact> ThreadLocalRead;

  bool empty() const {
    return !Read && Calls.empty() && Overrides.empty() && Forwards.empty() &&
           Drains.empty() && Spawns.empty() && !LostRead && !BridgeRead &&
           !ThreadLocalRead;
  }
};

/// An include a candidate's fix adds if the solve finds that the callable
/// reads a source whose bridge \c Header registers: computed in the
/// translation unit, where the include block is known.
struct IncludeFact {
  std::string Header;
  /// Where the include goes (an insertion) and its text.
  FactLocation Loc;
  std::string Text;
};

/// A callable crossing a (possible) boundary whose finding depends on facts
/// of other translation units: whether the boundary is one (a function
/// defined elsewhere) and whether the callable reads context (through
/// functions defined elsewhere). Everything decided in the translation unit
/// is recorded as it is; the solve supplies the rest.
struct Candidate {
  FactLocation Loc;
  /// How the message names the callable and the boundary.
  std::string Description;
  std::string Boundary;
  bool ReportOnly = false;
  /// StrictMode was on where the callable is: reported without a read.
  bool StrictMode = false;

  /// The callee and parameter the callable is passed to, when the boundary
  /// is to be decided; empty when it is a boundary already.
  std::string ForwardedTo;
  unsigned ForwardedParam = 0;
  /// For a known boundary: where wrappers hand the callable on.
  std::vector<NoteFact> BoundaryNotes;

  /// A read found in the translation unit, with its notes...
  std::optional<std::string> ReadWhat;
  /// Why the fix cannot carry that read; empty when it can.
  std::string ReadLost;
  /// For a lost read of a thread_local: its key (a bridge elsewhere carries
  /// it), and the note that advises one.
  std::string ReadLostVariable;
  std::optional<NoteFact> LostAdvice;
  std::vector<NoteFact> ReadNotes;
  /// ...or the key of the function whose body runs, to be decided.
  std::string Callable;
  /// The adapter the fix wraps the callable in, for the message of a read
  /// it does not carry.
  std::string Adapter;
  /// The includes of bridge headers, one of which the fix may need.
  std::vector<IncludeFact> BridgeIncludes;
};

/// The facts of one translation unit.
struct UnitFacts {
  /// The translation unit's main file.
  std::string File;
  /// Content hashes of the files that define the functions below.
  std::vector<std::pair<std::string, std::string>> FileHashes;
  std::vector<FunctionFacts> Functions;
  std::vector<BridgeFact> Bridges;
};

/// Content hash of a file's text, as facts record it.
std::string contentHash(llvm::StringRef Text);

llvm::json::Value toJSON(const UnitFacts &Unit);
llvm::json::Value toJSON(const Candidate &C);
bool fromJSON(const llvm::json::Value &V, UnitFacts &Unit, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Candidate &C, llvm::json::Path P);

/// A facts file: JSON Lines, a header `{"version": 2, "asyncctx": "facts"}`
/// then one unit a line, so that a reader holds one unit's JSON at a time.
struct FactsFile {
  std::vector<UnitFacts> Units;
};
void writeFactsFile(llvm::raw_ostream &OS, const FactsFile &F);
llvm::Expected<FactsFile> parseFactsFile(llvm::StringRef Text);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_PROGRAMFACTS_H
