// asyncctx runtime: the annotations the asyncctx checks read, spelled
// portably. Under Clang they expand to `[[clang::annotate("asyncctx::...")]]`;
// elsewhere (GCC, MSVC) to nothing, so annotated code compiles without an
// "attribute ignored" warning.
//
//   ASYNCCTX_SOURCE int tenant();                       // a context source
//   ASYNCCTX_BOUNDARY void later(std::function<void()>); // every callable
//   void timer(ASYNCCTX_BOUNDARY std::function<void()> Job);  // one parameter
//   ASYNCCTX_PROPAGATES void carried(std::function<void()>); // carries context
//
// Reference: docs/runtime.md ("Annotations") and the check's page
// (docs/checks/asyncctx-callback-without-context.md).

#ifndef ASYNCCTX_ANNOTATIONS_HPP
#define ASYNCCTX_ANNOTATIONS_HPP

#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::annotate)
#define ASYNCCTX_DETAIL_ANNOTATE(What) [[clang::annotate(What)]]
#endif
#endif
#ifndef ASYNCCTX_DETAIL_ANNOTATE
#define ASYNCCTX_DETAIL_ANNOTATE(What)
#endif

/// A function or variable whose value is part of the async context; on a
/// class, every member.
#define ASYNCCTX_SOURCE ASYNCCTX_DETAIL_ANNOTATE("asyncctx::source")
/// A function whose callable arguments run later or elsewhere; on one
/// parameter, only that argument.
#define ASYNCCTX_BOUNDARY ASYNCCTX_DETAIL_ANNOTATE("asyncctx::boundary")
/// A boundary that carries the caller's context itself.
#define ASYNCCTX_PROPAGATES ASYNCCTX_DETAIL_ANNOTATE("asyncctx::propagates")

#endif // ASYNCCTX_ANNOTATIONS_HPP
