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
  checkCoroutine(Coroutine, *Result.Context);
}

/// A co_await or co_yield that may resume on another thread: all but those
/// whose awaiter is `std::suspend_never` (BRIEF 7.6).
static const CoroutineSuspendExpr *suspensionAt(const Stmt *S) {
  const auto *Suspend = dyn_cast_or_null<CoroutineSuspendExpr>(S);
  if (!Suspend || !Suspend->getCommonExpr())
    return nullptr;
  const auto *Awaiter =
      Suspend->getCommonExpr()->getType()->getAsCXXRecordDecl();
  if (Awaiter && plainQualifiedName(Awaiter) == "std::suspend_never")
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

void CoroutineWithoutContextCheck::checkCoroutine(const FunctionDecl *Coroutine,
                                                  ASTContext &Context) {
  const auto *Body = cast<CoroutineBodyStmt>(Coroutine->getBody());
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Coroutine, Body->getBody(), &Context, Options);
  if (!Graph)
    return;

  // The first read of each block from a given element on, memoized for whole
  // blocks (a block reached again is re-entered from its start).
  llvm::DenseMap<const CFGBlock *, std::optional<ContextRead>> BlockRead;
  auto ReadIn = [&](const CFGBlock &Block,
                    unsigned From) -> std::optional<ContextRead> {
    if (From == 0)
      if (auto It = BlockRead.find(&Block); It != BlockRead.end())
        return It->second;
    std::optional<ContextRead> Found;
    for (unsigned I = From; I < Block.size() && !Found; ++I)
      if (std::optional<CFGStmt> Element = Block[I].getAs<CFGStmt>())
        if (!isAwaiterProtocol(Element->getStmt()))
          Found = Reads->readAt(Element->getStmt());
    if (From == 0)
      BlockRead[&Block] = Found;
    return Found;
  };

  const SourceManager &SM = Context.getSourceManager();
  for (const CFGBlock *Block : *Graph) {
    for (unsigned I = 0; I < Block->size(); ++I) {
      std::optional<CFGStmt> Element = (*Block)[I].getAs<CFGStmt>();
      const CoroutineSuspendExpr *Suspend =
          Element ? suspensionAt(Element->getStmt()) : nullptr;
      if (!Suspend)
        continue;
      // What follows in the block, then every block reachable from it, loop
      // back edges included (BRIEF 7.5).
      std::optional<ContextRead> Read = ReadIn(*Block, I + 1);
      llvm::BitVector Seen(Graph->getNumBlockIDs());
      llvm::SmallVector<const CFGBlock *, 16> Work;
      auto Enqueue = [&](const CFGBlock *From) {
        for (const CFGBlock::AdjacentBlock &Next : From->succs())
          if (const CFGBlock *Succ = Next.getReachableBlock();
              Succ && !Seen.test(Succ->getBlockID())) {
            Seen.set(Succ->getBlockID());
            Work.push_back(Succ);
          }
      };
      Enqueue(Block);
      for (size_t W = 0; W < Work.size() && !Read; ++W) {
        Read = ReadIn(*Work[W], 0);
        Enqueue(Work[W]);
      }
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
