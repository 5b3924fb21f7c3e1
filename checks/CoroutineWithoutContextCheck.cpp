//===--- CoroutineWithoutContextCheck.cpp - asyncctx ----------------------===//

#include "checks/CoroutineWithoutContextCheck.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace asyncctx {

CoroutineWithoutContextCheck::CoroutineWithoutContextCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : AsyncctxCheck(Name, Context) {
#define ASYNCCTX_CONTEXT_AWARE_COROUTINE(Name) ContextAware.insert(Name);
#include "checks/Catalogue.def"
  for (const std::string &Type : readNameList("ContextAwareCoroutines"))
    ContextAware.insert(Type);
}

void CoroutineWithoutContextCheck::registerMatchers(MatchFinder *Finder) {
  // Lambda call operators are matched too: the match finder visits the
  // implicit closure class.
  Finder->addMatcher(functionDecl(isDefinition(),
                                  unless(isExpansionInSystemHeader()),
                                  hasBody(coroutineBodyStmt()))
                         .bind("coroutine"),
                     this);
}

bool CoroutineWithoutContextCheck::isContextAware(QualType Type) const {
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record && ContextAware.contains(plainQualifiedName(Record));
}

void CoroutineWithoutContextCheck::check(
    const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  // Templates are analysed in their instantiations, where every co_await is
  // resolved; `firstTimeAt` keeps that to one report per location.
  if (Coroutine->isDependentContext() ||
      isContextAware(Coroutine->getReturnType()))
    return;
  collectBridges(*Result.Context);
  checkCoroutine(Coroutine, *Result.Context);
}

/// A co_await or co_yield that may resume on another thread: all but those
/// whose awaiter never suspends (Catalogue.def; see
/// docs/checks/asyncctx-coroutine-without-context.md#how-after-is-decided).
static const CoroutineSuspendExpr *suspensionAt(const Stmt *S) {
  static const llvm::StringSet<> NonSuspending = [] {
    llvm::StringSet<> Set;
#define ASYNCCTX_NON_SUSPENDING_AWAITER(Name) Set.insert(Name);
#include "checks/Catalogue.def"
    return Set;
  }();
  const auto *Suspend = dyn_cast_or_null<CoroutineSuspendExpr>(S);
  if (!Suspend || !Suspend->getCommonExpr())
    return nullptr;
  const auto *Awaiter =
      Suspend->getCommonExpr()->getType()->getAsCXXRecordDecl();
  if (Awaiter && NonSuspending.contains(plainQualifiedName(Awaiter)))
    return nullptr;
  return Suspend;
}

/// The awaiter protocol of a co_await is evaluated around the suspension
/// itself; a context-aware awaiter may well capture there.
static bool isAwaiterProtocol(const Stmt *S) {
  const auto *Member = dyn_cast<MemberExpr>(S);
  if (!Member || !Member->getMemberDecl()->getIdentifier())
    return false;
  StringRef Name = Member->getMemberDecl()->getName();
  return Name == "await_ready" || Name == "await_suspend" ||
         Name == "await_resume";
}

namespace {
/// Finds the first context read that can execute after a suspension point of
/// one coroutine's CFG: later in the same block, or in any block reachable
/// from it, loop back edges included
/// (docs/checks/asyncctx-coroutine-without-context.md#how-after-is-decided).
class ReadAfterSuspensionFinder {
public:
  ReadAfterSuspensionFinder(const CFG &Graph, ContextReadFinder &Reads)
      : Graph(Graph), Reads(Reads) {}

  /// The first read after element \p Element of \p Block, or nullopt.
  std::optional<ContextRead> find(const CFGBlock &Block, unsigned Element);

private:
  /// The first read of \p Block from element \p From on.
  std::optional<ContextRead> readIn(const CFGBlock &Block, unsigned From);

  const CFG &Graph;
  ContextReadFinder &Reads;
  /// readIn of whole blocks: a block reached again is re-entered from its
  /// start.
  llvm::DenseMap<const CFGBlock *, std::optional<ContextRead>> BlockRead;
};
} // namespace

std::optional<ContextRead>
ReadAfterSuspensionFinder::readIn(const CFGBlock &Block, unsigned From) {
  if (From == 0)
    if (auto It = BlockRead.find(&Block); It != BlockRead.end())
      return It->second;
  std::optional<ContextRead> Found;
  for (unsigned I = From; I < Block.size() && !Found; ++I)
    if (std::optional<CFGStmt> Element = Block[I].getAs<CFGStmt>())
      if (!isAwaiterProtocol(Element->getStmt()))
        Found = Reads.readAt(Element->getStmt());
  if (From == 0)
    BlockRead[&Block] = Found;
  return Found;
}

std::optional<ContextRead>
ReadAfterSuspensionFinder::find(const CFGBlock &Block, unsigned Element) {
  if (std::optional<ContextRead> Read = readIn(Block, Element + 1))
    return Read;
  llvm::BitVector Seen(Graph.getNumBlockIDs());
  llvm::SmallVector<const CFGBlock *, 16> Work;
  auto EnqueueSuccessors = [&](const CFGBlock &From) {
    for (const CFGBlock::AdjacentBlock &Next : From.succs())
      if (const CFGBlock *Succ = Next.getReachableBlock();
          Succ && !Seen.test(Succ->getBlockID())) {
        Seen.set(Succ->getBlockID());
        Work.push_back(Succ);
      }
  };
  EnqueueSuccessors(Block);
  for (size_t W = 0; W < Work.size(); ++W) {
    if (std::optional<ContextRead> Read = readIn(*Work[W], 0))
      return Read;
    EnqueueSuccessors(*Work[W]);
  }
  return std::nullopt;
}

void CoroutineWithoutContextCheck::checkCoroutine(const FunctionDecl *Coroutine,
                                                  ASTContext &Context) {
  const auto *Body = cast<CoroutineBodyStmt>(Coroutine->getBody());
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Coroutine, Body->getBody(), &Context, Options);
  if (!Graph)
    return;

  ReadAfterSuspensionFinder Finder(*Graph, *Reads);
  const SourceManager &SM = Context.getSourceManager();
  for (const CFGBlock *Block : *Graph) {
    for (unsigned I = 0; I < Block->size(); ++I) {
      std::optional<CFGStmt> Element = (*Block)[I].getAs<CFGStmt>();
      const CoroutineSuspendExpr *Suspend =
          Element ? suspensionAt(Element->getStmt()) : nullptr;
      if (!Suspend)
        continue;
      std::optional<ContextRead> Read = Finder.find(*Block, I);
      if (!Read || !firstTimeAt(SM.getFileLoc(Suspend->getKeywordLoc())))
        continue;
      diag(Suspend->getKeywordLoc(),
           "'%select{co_await|co_yield}0' may resume this coroutine on "
           "another thread without the caller's async context; it reads "
           "'%1' afterwards")
          << isa<CoyieldExpr>(Suspend) << Read->What;
      emitReadNotes(*Read);
    }
  }
}

} // namespace asyncctx
