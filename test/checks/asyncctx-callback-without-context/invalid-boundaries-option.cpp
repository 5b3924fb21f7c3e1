// A malformed Boundaries, PropagatingBoundaries or RestoreGuards entry is an
// error that names the option and the entry, never a silent default.
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::run@x'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=LETTER
// LETTER: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::run@x': expected '@' followed by an argument index or 'last' [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::run@'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=NOTHING
// NOTHING: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::run@': expected '@' followed by an argument index or 'last' [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: '@1'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=NONAME
// NONAME: error: invalid option 'asyncctx-callback-without-context.Boundaries': '@1' does not start with a qualified name [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::run;;app::later'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: invalid option 'asyncctx-callback-without-context.Boundaries': empty entry in 'app::run;;app::later' [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::run@-1'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::run@-1': expected '@' followed by an argument index or 'last' [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::run@1@2'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::run@1@2': expected '@' followed by an argument index or 'last' [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::bad name@1'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=BADNAME
// BADNAME: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::bad name@1' does not start with a qualified name [clang-tidy-config]
//
// Every malformed entry of one value is reported, the good ones are not.
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.Boundaries: 'app::ok@0;app::run@x;@1;app::also_ok@last;app::run@-1'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=SEVERAL --implicit-check-not=app::ok@0 --implicit-check-not=also_ok
// SEVERAL-DAG: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::run@x': expected '@' followed by an argument index or 'last' [clang-tidy-config]
// SEVERAL-DAG: error: invalid option 'asyncctx-callback-without-context.Boundaries': '@1' does not start with a qualified name [clang-tidy-config]
// SEVERAL-DAG: error: invalid option 'asyncctx-callback-without-context.Boundaries': 'app::run@-1': expected '@' followed by an argument index or 'last' [clang-tidy-config]
//
// PropagatingBoundaries and RestoreGuards are lists of qualified names.
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.PropagatingBoundaries: 'app::carried;;app::bad name'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PROPAGATING
// PROPAGATING-DAG: error: invalid option 'asyncctx-callback-without-context.PropagatingBoundaries': empty entry in 'app::carried;;app::bad name' [clang-tidy-config]
// PROPAGATING-DAG: error: invalid option 'asyncctx-callback-without-context.PropagatingBoundaries': 'app::bad name' is not a qualified name [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.RestoreGuards: 'app::Guard;;app::restore()'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=GUARDS
// GUARDS-DAG: error: invalid option 'asyncctx-callback-without-context.RestoreGuards': empty entry in 'app::Guard;;app::restore()' [clang-tidy-config]
// GUARDS-DAG: error: invalid option 'asyncctx-callback-without-context.RestoreGuards': 'app::restore()' is not a qualified name [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.RestoreGuards: 'app::'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=GUARDSCOPE
// GUARDSCOPE: error: invalid option 'asyncctx-callback-without-context.RestoreGuards': 'app::' is not a qualified name [clang-tidy-config]
//
// Well-formed values with spaces and a leading '::' are accepted.
// RUN: %clang_tidy -checks='-*,asyncctx-*' %s \
// RUN:   -config="{CheckOptions: { \
// RUN:     asyncctx-callback-without-context.Boundaries: ' ::app::run@0 ; app::later@last;app::Pool::submit ', \
// RUN:     asyncctx-callback-without-context.PropagatingBoundaries: ' ::app::carried ; app::Pool::carry', \
// RUN:     asyncctx-callback-without-context.RestoreGuards: 'app::Guard; ::app::restore'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=VALID --allow-empty
// VALID-NOT: error

int main() {}
