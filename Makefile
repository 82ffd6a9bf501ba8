# ntm - Makefile. Variables first; `make help` lists the targets.
#
#   make            build ./ntm
#   make deps       install the Debian packages the build and tests need
#   make demo       fresh data/ntm.db from data/, evaluate the bundled sets
#   make test       unit (cmocka), criteria, command-line and browser (report page) tests
#   make check-asan the same under AddressSanitizer and UBSan
#   make bench      national synthetic dataset: timings beside a bare SQLite scan
#   make fuzz       libFuzzer on the importer, criteria loader and scripts (tests/fuzz)

CC       ?= cc
PKGS      = lua5.4 sqlite3 xlsxwriter
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla \
            -Wno-format-nonliteral
STD       = -std=c11 -D_POSIX_C_SOURCE=200809L
SANITIZER ?=
ifneq ($(SANITIZER),)
  SANFLAGS = -fsanitize=$(SANITIZER) -fno-omit-frame-pointer -fno-sanitize-recover=all
  BUILD   ?= build/san
else
  BUILD   ?= build
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -Iengine -I$(BUILD)
LDLIBS     = $(PKG_LIBS) -lm
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# Debian packages: what the build, the tests and the charts need.
DEBS      = build-essential pkg-config liblua5.4-dev libsqlite3-dev libcmocka-dev libxlsxwriter-dev gnuplot-nox sqlite3 time fonts-dejavu-core python3
# ... and what `make fuzz` adds (installed by it, not by `make deps`).
FUZZ_DEBS = clang libclang-rt-14-dev
# ... and the browser the report page is tested in (tests/browser/run): about
# 120 MB to fetch and 400 MB installed, so `make test` installs it, not `make deps`.
BROWSER_DEBS = chromium
NTM       = ./ntm
ifneq ($(SANITIZER),)
  NTM     = $(BUILD)/ntm
endif

# make fuzz (tests/fuzz/README.md): each target runs FUZZ_SECONDS after
# replaying its regression inputs; clang's libFuzzer, ASan and UBSan.
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build/fuzz
FUZZ_SAN      = fuzzer-no-link,address,undefined
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv criteria script geojson

SRCS     := $(filter-out engine/main.c,$(wildcard engine/*.c))
OBJS     := $(SRCS:engine/%.c=$(BUILD)/%.o) $(BUILD)/prelude.o $(BUILD)/dictionary.o $(BUILD)/vi_po.o
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

Q = @
ifeq ($(V),1)
  Q =
endif

.PHONY: all deps demo test check check-asan unit criteria-test cli-test browser-deps browser-test bench fuzz fuzz-bins clean help

all: deps-check $(NTM)

help:
	@sed -n '3,10p' Makefile | sed 's/^# *//'

# deps: install only what is missing, as root (or through sudo when there).
deps:
	@missing=""; \
	for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "  DEPS   installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

# Runs deps once per checkout: a stamp keeps `make` quick after the first time.
deps-check: $(BUILD)/.deps
$(BUILD)/.deps:
	$(Q)$(MAKE) --no-print-directory deps
	$(Q)mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: engine/%.c engine/*.h | $(BUILD)/.deps
	@echo "  CC     $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

# The criteria prelude is compiled to Lua bytecode at build time (debug
# information kept, chunk name "=prelude" as at run time) by a generator
# that links the binary's own liblua, and embedded as a C array: starting
# ntm loads it without compiling it. Bytecode is good only for the Lua build
# that made it; lua_sandbox.c says so if it is refused.
LUA_CFLAGS = $(shell pkg-config --cflags lua5.4 2>/dev/null)
LUA_LIBS   = $(shell pkg-config --libs lua5.4 2>/dev/null)
$(BUILD)/bin2c: engine/gen/bin2c.c | $(BUILD)/.deps
	$(Q)$(CC) $(STD) $(WARN) -O1 $< -o $@
$(BUILD)/luadump: engine/gen/luadump.c | $(BUILD)/.deps
	$(Q)$(CC) $(STD) $(WARN) -O1 $(LUA_CFLAGS) $< -o $@ $(LUA_LIBS)
$(BUILD)/prelude.luac: engine/prelude.lua $(BUILD)/luadump
	@echo "  LUAC   $@"
	$(Q)$(BUILD)/luadump =prelude < $< > $@.tmp && mv $@.tmp $@
$(BUILD)/prelude.c: $(BUILD)/prelude.luac $(BUILD)/bin2c
	@echo "  GEN    $@"
	$(Q)$(BUILD)/bin2c ntm_prelude < $< > $@
$(BUILD)/prelude.o: $(BUILD)/prelude.c
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@
# ... and so is the variable dictionary a new database starts with.
$(BUILD)/dictionary.c: data/variables.csv $(BUILD)/bin2c
	@echo "  GEN    $@"
	$(Q)$(BUILD)/bin2c ntm_dictionary < $< > $@
$(BUILD)/dictionary.o: $(BUILD)/dictionary.c
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@
# ... and the Vietnamese catalogue of what ntm writes for people (i18n.h):
# engine/po/vi.po and the vi-*.po beside it (error messages by area), one text.
VI_PO = $(sort $(wildcard engine/po/vi*.po))
$(BUILD)/vi_po.c: $(VI_PO) $(BUILD)/bin2c
	@echo "  GEN    $@"
	$(Q)cat $(VI_PO) | $(BUILD)/bin2c ntm_vi_po > $@
$(BUILD)/vi_po.o: $(BUILD)/vi_po.c
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(NTM): $(OBJS) $(BUILD)/main.o
	@echo "  LINK   $@"
	$(Q)$(CC) $(ALL_CFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(OBJS)
	@mkdir -p $(BUILD)/tests
	@echo "  CC     $<"
	$(Q)$(CC) $(ALL_CFLAGS) $< $(OBJS) -o $@ $(LDLIBS) $(CMOCKA_LIBS)

unit: $(UNIT_BINS)
	$(Q)tests/run-unit $(UNIT_BINS)

# `make test`: every suite, then one line "N passed, N failed".
test: all $(UNIT_BINS) browser-deps
	$(Q)NTM=$(NTM) BUILD=$(BUILD) tests/run-all $(UNIT_BINS)

# The browser: installed when it can be; tests/browser/run says when it is
# not (and fails under CI=true).
browser-deps:
	$(Q)$(MAKE) --no-print-directory deps DEBS="$(BROWSER_DEBS)" || \
	  echo "  DEPS   $(BROWSER_DEBS) could not be installed: the browser tests will be skipped"

browser-test: all browser-deps
	$(Q)NTM=$(NTM) BUILD=$(BUILD) tests/browser/run

check: test

check-asan:
	$(Q)$(MAKE) --no-print-directory SANITIZER=address,undefined CFLAGS="-O1 -g" test

demo: all
	$(Q)NTM=$(NTM) data/demo.sh

# the floor the benchmark measures against: a bare SQLite scan in C
$(BUILD)/scan: tests/bench/scan.c | $(BUILD)/.deps
	@echo "  CC     $<"
	$(Q)$(CC) $(STD) $(WARN) -O2 $(PKG_CFLAGS) $< -o $@ $(PKG_LIBS)

bench: all $(BUILD)/scan
	$(Q)NTM=$(NTM) SCAN=$(BUILD)/scan tests/bench/run

# fuzz: the deps logic with FUZZ_DEBS, the engine under clang with the
# fuzzer's coverage and ASan+UBSan in $(FUZZ_BUILD), then tests/fuzz/run.
fuzz:
	$(Q)$(MAKE) --no-print-directory deps DEBS="$(FUZZ_DEBS)"
	$(Q)$(MAKE) --no-print-directory CC=$(FUZZ_CC) SANITIZER=$(FUZZ_SAN) CFLAGS="-O1 -g" \
	  BUILD=$(FUZZ_BUILD) fuzz-bins
	$(Q)BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run $(FUZZ_TARGETS)

FUZZ_BINS := $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)
fuzz-bins: $(FUZZ_BINS)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz.h $(OBJS)
	@echo "  LINK   $@"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -DNTM_SRCDIR='"$(CURDIR)"' $< tests/fuzz/fuzz_common.c \
	  $(OBJS) -o $@ $(LDLIBS)

clean:
	rm -rf build ntm
