/* test_csv.c - the RFC 4180 reader (csv.h), the string map (map.h) and
 * option parsing (opt.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "i18n.h"
#include "map.h"
#include "opt.h"

static char *write_tmp(const char *content, size_t n)
{
	char *path = strdup("/tmp/ntm-csv-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, n), (ssize_t)n);
	close(fd);
	return path;
}

static void quoted_fields_bom_crlf(void **state)
{
	static const char text[] = "\xEF\xBB\xBFunit,name\r\nA,\"Bảo, \"\"Cường\"\"\"\r\n\r\nB,\"two\nlines\"\nC,";
	char *path = write_tmp(text, sizeof text - 1);
	struct ntm_err err = { 0 };
	struct csv c;

	(void)state;
	assert_int_equal(csv_open(&c, path, &err), 0);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(c.nfield, 2);
	assert_string_equal(c.field[0], "unit");
	assert_int_equal(c.line, 1);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_string_equal(c.field[1], "Bảo, \"Cường\"");
	assert_int_equal(c.line, 2);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(c.line, 4);
	assert_string_equal(c.field[1], "two\nlines");
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(c.line, 6);
	assert_int_equal(c.nfield, 2);
	assert_string_equal(c.field[1], "");
	assert_int_equal(csv_next(&c, &err), 0);
	csv_close(&c);
	unlink(path);
	free(path);
}

static void errors_name_the_line(void **state)
{
	static const char unclosed[] = "a,b\n1,\"oops\n";
	static const char stray[] = "a,b\n1,x\"y\n";
	static const char badutf[] = "a,b\n1,\xC3\x28\n";
	struct ntm_err err = { 0 };
	struct csv c;
	char *p;

	(void)state;
	p = write_tmp(unclosed, sizeof unclosed - 1);
	assert_int_equal(csv_open(&c, p, &err), 0);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(csv_next(&c, &err), -1);
	assert_non_null(strstr(err.msg, ":2: a quoted field is not closed"));
	csv_close(&c);
	unlink(p);
	free(p);

	p = write_tmp(stray, sizeof stray - 1);
	assert_int_equal(csv_open(&c, p, &err), 0);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(csv_next(&c, &err), -1);
	assert_non_null(strstr(err.msg, ":2: field 2: a quote inside an unquoted field"));
	csv_close(&c);
	unlink(p);
	free(p);

	p = write_tmp(badutf, sizeof badutf - 1);
	assert_int_equal(csv_open(&c, p, &err), 0);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(csv_next(&c, &err), -1);
	assert_non_null(strstr(err.msg, ":2: field 2 is not valid UTF-8"));
	csv_close(&c);
	unlink(p);
	free(p);

	assert_int_equal(csv_open(&c, "/nonexistent/x.csv", &err), -1);
	assert_non_null(strstr(err.msg, "/nonexistent/x.csv: cannot open"));
}

static void long_record_crosses_buffer(void **state)
{
	size_t n = 200000, i;
	char *text = malloc(n + 16), *p;
	struct ntm_err err = { 0 };
	struct csv c;

	(void)state;
	memcpy(text, "h\n\"", 3);
	for (i = 0; i < n; i++)
		text[3 + i] = (char)('a' + i % 26);
	memcpy(text + 3 + n, "\"\n", 2);
	p = write_tmp(text, n + 5);
	assert_int_equal(csv_open(&c, p, &err), 0);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(csv_next(&c, &err), 1);
	assert_int_equal(strlen(c.field[0]), n);
	csv_close(&c);
	unlink(p);
	free(p);
	free(text);
}

static void map_put_get_grow(void **state)
{
	struct map m;
	char key[32];
	int64_t v;
	int i, seen = 0;
	size_t it = 0;
	const char *k;

	(void)state;
	map_init(&m);
	assert_int_equal(map_get(&m, "x", &v), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(map_put(&m, key, i), 0);
	}
	assert_int_equal(map_put(&m, "k42", -1), 0);
	assert_int_equal(m.n, 5000);
	assert_int_equal(map_get(&m, "k42", &v), 1);
	assert_int_equal(v, -1);
	assert_int_equal(map_get(&m, "k4999", &v), 1);
	assert_int_equal(v, 4999);
	while (map_next(&m, &it, &k, &v))
		seen++;
	assert_int_equal(seen, 5000);
	map_free(&m);
}

static void options_from_declaration(void **state)
{
	struct opt opts[] = {
		{ "year", OPT_ARG, "Y", "year", NULL },
		{ "explain", OPT_FLAG, NULL, "explain", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	char *argv[] = { "eval", "set1", "--year=2023", "--explain", "--", "--odd", NULL };
	char *bad[] = { "eval", "--yaer", "2023", NULL };
	struct ntm_err err = { 0 };
	int npos;

	(void)state;
	assert_int_equal(opt_parse(opts, 6, argv, &npos, "eval", &err), 0);
	assert_int_equal(npos, 2);
	assert_string_equal(argv[1], "set1");
	assert_string_equal(argv[2], "--odd");
	assert_string_equal(opt_get(opts, "year"), "2023");
	assert_non_null(opt_get(opts, "explain"));
	assert_int_equal(opt_parse(opts, 3, bad, &npos, "eval", &err), -1);
	assert_non_null(strstr(err.msg, "unknown option '--yaer'; did you mean 'year'?"));
}

static void year_spans(void **state)
{
	int a = 0, b = 0;

	(void)state;
	assert_int_equal(opt_years("2023", &a, &b), 0);
	assert_true(a == 2023 && b == 2023);
	assert_int_equal(opt_years("2021-2023", &a, &b), 0);
	assert_true(a == 2021 && b == 2023);
	assert_int_equal(opt_years("2021–2025", &a, &b), 0);
	assert_true(a == 2021 && b == 2025);
	assert_int_equal(opt_years("2023-2021", &a, &b), -1);
	assert_int_equal(opt_years("1800", &a, &b), -1);
	assert_int_equal(opt_years("2021-", &a, &b), -1);
	assert_int_equal(opt_years("x", &a, &b), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoted_fields_bom_crlf),
		cmocka_unit_test(errors_name_the_line),
		cmocka_unit_test(long_record_crosses_buffer),
		cmocka_unit_test(map_put_get_grow),
		cmocka_unit_test(options_from_declaration),
		cmocka_unit_test(year_spans),
	};

	i18n_init("en");   /* the messages compared are the English ones */
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
