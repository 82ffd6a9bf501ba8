/* test_units.c - finding a unit by what a person types (units_find, units.h)
 * over a small unit set imported into an in-memory store: a code, CODE@YEAR,
 * a code given to two units in turn, a name (the district before the
 * commune), a level word, PLACE/NAME, and the texts of the errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "store.h"
#include "units.h"

/* A simplified Thái Nguyên: 05569 is Chợ Chu until 2025 and the commune
 * Định Hóa from 2026 (the district Định Hóa ends in 2025); 05580 is Tân
 * Thành until 2025 and Phượng Tiến from 2027; Kim Phượng is the name of a
 * commune in each district; Tân Thạnh folds as Tân Thành does. */
static const char units_csv[] =
	"code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n"
	"19,Thái Nguyên,province,,tdmnpb,,,,\n"
	"167,Định Hóa,district,19,,,2025,,\n"
	"168,Phú Lương,district,19,,,,,\n"
	"05569,Chợ Chu,township,167,,,2025,05569,\n"
	"05569,Định Hóa,commune,19,,2026,,,\n"
	"05551,Kim Phượng,commune,167,,,2025,,\n"
	"05700,Kim Phượng,commune,168,,,,,\n"
	"05580,Tân Thành,commune,167,,,2025,,\n"
	"05580,Phượng Tiến,commune,19,,2027,,,\n"
	"05710,Tân Thạnh,commune,168,,,,,\n";

/* What units_find names in "no unit 'X' in WHERE". */
#define WHERE "t.db"

struct fx {
	sqlite3 *db;
	struct unitset us;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct ntm_err err = { 0 };
	struct import_file file = { .path = "units.csv", .text = units_csv,
	                            .len = sizeof units_csv - 1 };
	struct import_opts o = { 0 };

	if (!f || store_open(":memory:", &f->db, &err) < 0 ||
	    import_run(f->db, &file, 1, &o, &err) < 0 || units_load(f->db, &f->us, &err) < 0) {
		print_error("fixture: %s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	units_free(&f->us);
	store_close(f->db);
	free(f);
	return 0;
}

/* What a person types, in the year asked (0: none), and the unit it names. */
static const struct {
	const char *text;
	int year;
	const char *code, *name;
	int level;
} found[] = {
	/* a code; a code is read as it is, not folded */
	{ "19", 0, "19", "Thái Nguyên", LV_PROVINCE },
	{ "168", 2023, "168", "Phú Lương", LV_DISTRICT },
	/* a code given to two units in turn: the one of the year asked, else
	 * the latest */
	{ "05569", 2023, "05569", "Chợ Chu", LV_TOWNSHIP },
	{ "05569", 2026, "05569", "Định Hóa", LV_COMMUNE },
	{ "05569", 2030, "05569", "Định Hóa", LV_COMMUNE },
	{ "05569", 0, "05569", "Định Hóa", LV_COMMUNE },
	{ "05580", 2024, "05580", "Tân Thành", LV_COMMUNE },
	{ "05580", 2026, "05580", "Phượng Tiến", LV_COMMUNE },   /* none that year: the latest */
	/* CODE@YEAR, whatever the year asked */
	{ "05569@2020", 0, "05569", "Chợ Chu", LV_TOWNSHIP },
	{ "05569@2025", 2026, "05569", "Chợ Chu", LV_TOWNSHIP },
	{ "05569@2027", 2023, "05569", "Định Hóa", LV_COMMUNE },
	/* a name, folded (case, diacritics, where the tone mark sits): the
	 * district before the commune of the same name, in any year; the name
	 * as written before one that only folds alike */
	{ "Định Hóa", 0, "167", "Định Hóa", LV_DISTRICT },
	{ "Định Hóa", 2026, "167", "Định Hóa", LV_DISTRICT },
	{ "dinh hoa", 0, "167", "Định Hóa", LV_DISTRICT },
	{ "ĐỊNH HOÁ", 0, "167", "Định Hóa", LV_DISTRICT },
	{ "Tân Thành", 0, "05580", "Tân Thành", LV_COMMUNE },
	{ "tân thạnh", 0, "05710", "Tân Thạnh", LV_COMMUNE },
	/* a leading level word narrows the name to that level */
	{ "xã Định Hóa", 0, "05569", "Định Hóa", LV_COMMUNE },
	{ "Xa Dinh Hoa", 0, "05569", "Định Hóa", LV_COMMUNE },
	{ "huyện Định Hóa", 0, "167", "Định Hóa", LV_DISTRICT },
	{ "thị trấn Chợ Chu", 0, "05569", "Chợ Chu", LV_TOWNSHIP },
	{ "tỉnh Thái Nguyên", 0, "19", "Thái Nguyên", LV_PROVINCE },
	/* PLACE/NAME: the name within the unit PLACE names (by name or code) */
	{ "Định Hóa/Kim Phượng", 0, "05551", "Kim Phượng", LV_COMMUNE },
	{ "Phú Lương/Kim Phượng", 0, "05700", "Kim Phượng", LV_COMMUNE },
	{ "168/kim phuong", 0, "05700", "Kim Phượng", LV_COMMUNE },
	{ "Thái Nguyên/Phú Lương/Kim Phượng", 0, "05700", "Kim Phượng", LV_COMMUNE },
};

/* What a person types, in the year asked, and the error it gets. */
static const struct {
	const char *text;
	int year;
	const char *msg;
} refused[] = {
	/* CODE@YEAR of a year none of the code's units existed in lists them */
	{ "167@2030", 0, "unit '167@2030': no unit had the code 167 in 2030 (Định Hóa until 2025)" },
	{ "05580@2026", 0, "unit '05580@2026': no unit had the code 05580 in 2026 "
	  "(Phượng Tiến from 2027; Tân Thành until 2025)" },
	/* a level word finds only that level */
	{ "phường Định Hóa", 0, "no unit 'phường Định Hóa' in " WHERE
	  "; did you mean 'Định Hóa' or 'Phượng Tiến'?" },
	/* PLACE/NAME: either part unknown */
	{ "Định Hóa/Nowhere", 0, "no unit 'Nowhere' in Định Hóa (167)" },
	{ "Nowhere/Kim Phượng", 0, "no unit 'Nowhere' in " WHERE },
	/* several units of one level and name, each listed with what to type
	 * for it: CODE@YEAR for a unit whose code now names another, the code
	 * alone in a year it names the unit */
	{ "Tan Thanh", 0, "unit 'Tan Thanh' is ambiguous; give its code, or the unit it is in "
	  "(\"PLACE/Tan Thanh\"):\n"
	  "  05580@2025           Tân Thành (commune in Định Hóa)\n"
	  "  05710                Tân Thạnh (commune in Phú Lương)" },
	{ "Tan Thanh", 2024, "unit 'Tan Thanh' is ambiguous; give its code, or the unit it is in "
	  "(\"PLACE/Tan Thanh\"):\n"
	  "  05580                Tân Thành (commune in Định Hóa)\n"
	  "  05710                Tân Thạnh (commune in Phú Lương)" },
	/* none: the nearest names and codes */
	{ "1 9", 0, "no unit '1 9' in " WHERE "; did you mean '19', '167' or '168'?" },
	{ "Kim Phuongg", 0, "no unit 'Kim Phuongg' in " WHERE "; did you mean 'Kim Phượng'?" },
	{ "Tan Thahn", 0, "no unit 'Tan Thahn' in " WHERE "; did you mean 'Tân Thành' or 'Tân Thạnh'?" },
	{ "Hà Nội", 0, "no unit 'Hà Nội' in " WHERE },
	{ "\xff", 0, "unit '\xff': not valid UTF-8" },
};

static void finds(void **state)
{
	struct fx *f = *state;
	size_t k;

	for (k = 0; k < sizeof found / sizeof found[0]; k++) {
		struct ntm_err err = { 0 };
		int i = units_find(&f->us, found[k].text, found[k].year, WHERE, &err);
		const struct unit *u = i >= 0 && (size_t)i < f->us.n ? &f->us.u[i] : NULL;

		if (!u || strcmp(u->code, found[k].code) != 0 || strcmp(u->name, found[k].name) != 0 ||
		    u->level != found[k].level) {
			print_error("'%s' in %d: expected %s %s (%s), got %s%s%s\n", found[k].text,
			            found[k].year, found[k].code, found[k].name,
			            store_level_name[found[k].level], u ? u->code : "-1 ",
			            u ? " " : err.msg, u ? u->name : "");
			fail();
		}
	}
}

static void refuses(void **state)
{
	struct fx *f = *state;
	size_t k;

	for (k = 0; k < sizeof refused / sizeof refused[0]; k++) {
		struct ntm_err err = { 0 };

		assert_int_equal(units_find(&f->us, refused[k].text, refused[k].year, WHERE, &err), -1);
		assert_string_equal(err.msg, refused[k].msg);
	}
}

/* A store without units says what to do. */
static void no_units(void **state)
{
	struct unitset us;
	struct ntm_err err = { 0 };
	sqlite3 *db;

	(void)state;
	assert_int_equal(store_open(":memory:", &db, &err), 0);
	assert_int_equal(units_load(db, &us, &err), 0);
	assert_int_equal(units_find(&us, "Định Hóa", 0, "new.db", &err), -1);
	assert_string_equal(err.msg, "no unit 'Định Hóa' in new.db (the database has no units: "
	                    "import units.csv first)");
	units_free(&us);
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(finds, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses, setup, teardown),
		cmocka_unit_test(no_units),
	};

	i18n_init("en");   /* the error texts below are the English ones */
	return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
