/* test_table.c - the table model and its plain writers (table.h): numbers
 * in the Vietnamese way and for csv, status words and codes, csv with its
 * keys and without totals, the terminal table aligned by display width,
 * Markdown escaping, the format a file name asks for. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "table.h"
#include "utf8.h"

/* What a writer wrote, as a string; caller frees. */
static char *written(int (*fn)(FILE *, const struct table *), const struct table *t)
{
	FILE *f = tmpfile();
	long n;
	char *s;

	assert_non_null(f);
	assert_int_equal(fn(f, t), 0);
	n = ftell(f);
	rewind(f);
	s = calloc((size_t)n + 1, 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return s;
}

static int csv_plain(FILE *f, const struct table *t)
{
	return table_csv_write(f, t, 0);
}

static int csv_bom(FILE *f, const struct table *t)
{
	return table_csv_write(f, t, 1);
}

/* Two communes, a total row, a csv-only code column. */
static void sample(struct table *t)
{
	table_init(t);
	table_set(t, &t->form, "Biểu số %02d", 1);
	table_set(t, &t->title, "Kết quả");
	assert_int_equal(table_col(t, "no", "STT", NULL, TC_INT, 0), 0);
	assert_int_equal(table_col(t, "unit_code", NULL, NULL, TC_TEXT, 0), 1);
	assert_int_equal(table_col(t, "unit_name", "Xã", NULL, TC_TEXT, 0), 2);
	assert_int_equal(table_col(t, "allocated_mvnd", "Vốn (triệu đồng)", NULL, TC_MVND, 0), 3);
	assert_int_equal(table_col(t, "rate_pct", "Tỷ lệ (%)", NULL, TC_PCT, 1), 4);
	assert_int_equal(table_col(t, "status", "Kết quả", NULL, TC_STATUS, 0), 5);
	table_row(t, ROW_BODY);
	table_num(t, 0, 1);
	table_text(t, 1, "TN-DH-BAOCUONG", NULL);
	table_text(t, 2, "Bảo Cường", NULL);
	table_num(t, 3, 116575);
	table_num(t, 4, 94.0121);
	table_status(t, 5, ST_OPEN);
	table_row(t, ROW_BODY);
	table_num(t, 0, 2);
	table_text(t, 1, "X", NULL);
	table_text(t, 2, "Định, Hóa", NULL);
	table_num(t, 3, 2981.839);
	table_num(t, 4, NAN);   /* not reported: empty */
	table_status(t, 5, ST_UNMET);
	table_row(t, ROW_TOTAL);
	table_text(t, 2, "Tổng cộng", NULL);
	table_num(t, 3, 119556.839);
	assert_false(t->oom);
}

static void numbers(void **state)
{
	char b[64];

	(void)state;
	table_fmt_num(b, sizeof b, 1234.5, 1, 0, 1);
	assert_string_equal(b, "1.234,5");
	table_fmt_num(b, sizeof b, 116575, 0, 0, 1);
	assert_string_equal(b, "116.575");
	table_fmt_num(b, sizeof b, -1234567.25, 2, 0, 1);
	assert_string_equal(b, "-1.234.567,25");
	table_fmt_num(b, sizeof b, 100, 1, 1, 1);
	assert_string_equal(b, "100,0");
	table_fmt_num(b, sizeof b, 89.10, 2, 0, 1);
	assert_string_equal(b, "89,1");
	table_fmt_num(b, sizeof b, -0.004, 2, 0, 1);
	assert_string_equal(b, "0");
	table_fmt_num(b, sizeof b, -0.04, 1, 1, 0);
	assert_string_equal(b, "0.0");
	table_fmt_num(b, sizeof b, 2981.839, 3, 0, 0);
	assert_string_equal(b, "2981.839");
	table_fmt_num(b, sizeof b, 999, 0, 0, 1);
	assert_string_equal(b, "999");
	table_fmt_num(b, sizeof b, NAN, 2, 0, 1);
	assert_string_equal(b, "");
}

static void cells(void **state)
{
	struct table t;
	char b[64];

	(void)state;
	sample(&t);
	/* a person reads the annex's display, a program more digits and codes */
	table_cell_text(&t, 3, &t.row[1].cell[3], 1, b, sizeof b);
	assert_string_equal(b, "2.982");
	table_cell_text(&t, 3, &t.row[1].cell[3], 0, b, sizeof b);
	assert_string_equal(b, "2981.839");
	table_cell_text(&t, 4, &t.row[0].cell[4], 1, b, sizeof b);
	assert_string_equal(b, "94,0");
	table_cell_text(&t, 4, &t.row[0].cell[4], 0, b, sizeof b);
	assert_string_equal(b, "94.01");
	table_cell_text(&t, 5, &t.row[0].cell[5], 1, b, sizeof b);
	assert_string_equal(b, "chưa có ngưỡng");
	table_cell_text(&t, 5, &t.row[0].cell[5], 0, b, sizeof b);
	assert_string_equal(b, "open");
	table_cell_text(&t, 4, &t.row[1].cell[4], 1, b, sizeof b);
	assert_string_equal(b, "");
	/* columns come before rows */
	assert_int_equal(table_col(&t, "late", "Muộn", NULL, TC_TEXT, 0), -1);
	table_free(&t);
}

static void csv(void **state)
{
	struct table t;
	char *s;

	(void)state;
	sample(&t);
	s = written(csv_plain, &t);
	assert_string_equal(s, "no,unit_code,unit_name,allocated_mvnd,rate_pct,status\n"
	                       "1,TN-DH-BAOCUONG,Bảo Cường,116575,94.01,open\n"
	                       "2,X,\"Định, Hóa\",2981.839,,unmet\n");
	free(s);
	s = written(csv_bom, &t);
	assert_memory_equal(s, "\xEF\xBB\xBFno,", 6);
	free(s);
	table_free(&t);
}

/* Display columns of line up to the start (end 0) or the end (end 1) of
 * the first occurrence of word. */
static size_t col_of(const char *line, const char *word, int end)
{
	const char *at = strstr(line, word);
	char buf[512];

	assert_non_null(at);
	snprintf(buf, sizeof buf, "%.*s", (int)(at - line) + (end ? (int)strlen(word) : 0), line);
	return utf8_width(buf);
}

static void text(void **state)
{
	static const char *const money[] = { "Vốn (triệu đồng)", "116.575", "2.982", "119.557" };
	static const char *const status[] = { "Kết quả", "chưa có ngưỡng", "chưa đạt" };
	struct table t;
	char *s, *line, *save = NULL, *rows[8];
	int n = 0, k;

	(void)state;
	sample(&t);
	s = written(table_text_write, &t);
	assert_non_null(strstr(s, "Biểu số 01\nKết quả\n\n"));
	assert_null(strstr(s, "TN-DH-BAOCUONG"));   /* a csv-only column */
	for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		assert_true(line[strlen(line) - 1] != ' ');   /* no line ends blank */
		if (n < 8)
			rows[n++] = line;
	}
	/* form, title, header, rule, two rows, rule, total */
	assert_int_equal(n, 8);
	assert_int_equal(strncmp(rows[3], "---", 3), 0);
	assert_int_equal(strncmp(rows[6], "---", 3), 0);
	/* numbers end in one column, words start in one, whatever the diacritics */
	assert_int_equal(col_of(rows[4], money[1], 1), col_of(rows[2], money[0], 1));
	assert_int_equal(col_of(rows[5], money[2], 1), col_of(rows[2], money[0], 1));
	assert_int_equal(col_of(rows[7], money[3], 1), col_of(rows[2], money[0], 1));
	for (k = 1; k < 3; k++)
		assert_int_equal(col_of(rows[3 + k], status[k], 0), col_of(rows[2], status[0], 0));
	free(s);
	table_free(&t);
}

static void markdown(void **state)
{
	struct table t;
	char *s;

	(void)state;
	table_init(&t);
	table_set(&t, &t.title, "a|b");
	table_col(&t, "x", "Tên", NULL, TC_TEXT, 0);
	table_col(&t, "n", "Số", NULL, TC_INT, 0);
	table_row(&t, ROW_BODY);
	table_text(&t, 0, "x | *y*", NULL);
	table_num(&t, 1, 1200);
	table_row(&t, ROW_TOTAL);
	table_num(&t, 1, 1200);
	s = written(table_md_write, &t);
	assert_string_equal(s, "### a\\|b\n\n| Tên | Số |\n| --- | ---: |\n"
	                       "| x \\| \\*y\\* | 1.200 |\n|  | **1.200** |\n");
	free(s);
	table_free(&t);
}

static void formats(void **state)
{
	(void)state;
	assert_int_equal(table_format_of("a/b.XLSX"), TF_XLSX);
	assert_int_equal(table_format_of("b.csv"), TF_CSV);
	assert_int_equal(table_format_of("b.md"), TF_MD);
	assert_int_equal(table_format_of("b.txt"), TF_TEXT);
	assert_int_equal(table_format_of("b.pdf"), -1);
	assert_int_equal(table_format_of("dir.csv/b"), -1);
	assert_int_equal(table_format_of("b"), -1);
	assert_int_equal(table_format_of("b.HTML"), TF_HTML);
	assert_int_equal(table_format_parse("md"), TF_MD);
	assert_int_equal(table_format_parse("html"), TF_HTML);
	assert_int_equal(table_format_parse("pdf"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(cells),
		cmocka_unit_test(csv),
		cmocka_unit_test(text),
		cmocka_unit_test(markdown),
		cmocka_unit_test(formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
