/* test_html.c - HTML for the report page: html_escape, a table as HTML
 * (table_html.c: every text escaped, numbers and statuses as the annex
 * writes them, "[n]" linked only where asked, the short heads of a status
 * matrix, the extra column), the page's numbered sources and one table as a
 * page (report_html.c), and a chart drawn into memory (chart_render). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "eval.h"
#include "i18n.h"
#include "report_html.h"
#include "table.h"

static const char evil[] = "<script>alert(1)</script> & \"x\" 'y'";
static const char evil_esc[] = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;";

/* What f held, as a string; closes f; caller frees. */
static char *drain(FILE *f)
{
	long n = ftell(f);
	char *s;

	rewind(f);
	s = calloc((size_t)n + 1, 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return s;
}

static char *escaped(const char *in)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	html_escape(f, in);
	return drain(f);
}

static void escape(void **state)
{
	char *s;

	(void)state;
	s = escaped(evil);
	assert_string_equal(s, evil_esc);
	free(s);
	/* Vietnamese kept byte for byte; control characters dropped, a tab a space */
	s = escaped("Bảo Cường\x01\x1b\x7f\tĐịnh Hóa\n");
	assert_string_equal(s, "Bảo Cường Định Hóa\n");
	free(s);
	s = escaped("");
	assert_string_equal(s, "");
	free(s);
}

static void extra(void *ud, const struct table *t, int row, FILE *f)
{
	(void)t;
	++*(int *)ud;
	fprintf(f, "<b>row %d</b>", row);
}

/* A table with something hostile in every place text can go. */
static void sample(struct table *t)
{
	table_init(t);
	table_set(t, &t->form, "Biểu số 01 %s", evil);
	table_set(t, &t->title, "title %s", evil);
	table_set(t, &t->place, "place %s", evil);
	table_set(t, &t->source, "source %s", evil);
	assert_int_equal(table_col(t, "no", "STT", NULL, TC_INT, 0), 0);
	assert_int_equal(table_col(t, "unit_code", NULL, NULL, TC_TEXT, 0), 1);
	assert_int_equal(table_col(t, "unit_name", evil, NULL, TC_TEXT, 0), 2);
	assert_int_equal(table_col(t, "criterion_1", "1. Quy hoạch <b>", "1", TC_STATUS, 0), 3);
	assert_int_equal(table_col(t, "allocated_mvnd", "Vốn", NULL, TC_MVND, 0), 4);
	assert_int_equal(table_col(t, "rate_pct", "Tỷ lệ (%)", NULL, TC_PCT, 1), 5);
	assert_int_equal(table_col(t, "source", "Nguồn", NULL, TC_TEXT, 0), 6);
	assert_int_equal(table_col(t, "remark", "Ghi chú", NULL, TC_TEXT, 0), 7);
	table_row(t, ROW_BODY);
	table_num(t, 0, 1);
	table_text(t, 1, "SECRET-CODE", NULL);
	table_text(t, 2, evil, NULL);
	table_status(t, 3, ST_OPEN);
	table_num(t, 4, 116575);
	table_num(t, 5, 94.0121);
	table_text(t, 6, "[1]; [12]; [x]; [; thiếu số liệu: a", NULL);
	table_text(t, 7, "[3] stays text\nsecond line", NULL);
	table_row(t, ROW_TOTAL);
	table_text(t, 2, "Tổng cộng", NULL);
	table_status(t, 3, ST_UNKNOWN);
	table_num(t, 4, 2981.839);
	table_note(t, "note %s", evil);
	assert_false(t->oom);
}

static char *as_html(const struct table *t, const struct table_html *o)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	assert_int_equal(table_html_write(f, t, o), 0);
	return drain(f);
}

static void table_escaped(void **state)
{
	static const char *const refs[] = { "source", NULL };
	struct table_html o = { 0 };
	struct table t;
	char *s, *p;
	int n = 0, rows = 0;

	(void)state;
	sample(&t);
	o.id = "bieu-01\"><script>";
	o.ref_cols = refs;
	o.extra_head = "Nguồn <i>";
	o.extra = extra;
	o.ud = &rows;
	s = as_html(&t, &o);
	/* nothing hostile as markup; each text escaped where it went */
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<b>\""));
	for (p = s; (p = strstr(p, evil_esc)); p++)
		n++;
	assert_int_equal(n, 7);   /* form, title, place, source, head, cell, note */
	assert_non_null(strstr(s, "<section class=\"bieu\" id=\"bieu-01&quot;&gt;&lt;script&gt;\">"));
	assert_non_null(strstr(s, "<table data-table=\"bieu-01&quot;&gt;&lt;script&gt;\">"));
	/* a code for programs is not shown */
	assert_null(strstr(s, "SECRET-CODE"));
	/* numbers the Vietnamese way, statuses as words with their class */
	assert_non_null(strstr(s, "<td class=\"num\">116.575</td><td class=\"num\">94,0</td>"));
	assert_non_null(strstr(s, "<td class=\"st st-open\">chưa có ngưỡng</td>"));
	assert_non_null(strstr(s, "<tr class=\"total\"><td class=\"num\"></td><td>Tổng cộng</td>"
	                          "<td class=\"st st-unknown\">chưa rõ</td><td class=\"num\">2.982</td>"));
	/* [n] linked in the source column only, and only when it is one */
	assert_non_null(strstr(s, "<td><a class=\"ref\" href=\"#nguon-1\">[1]</a>; "
	                          "<a class=\"ref\" href=\"#nguon-12\">[12]</a>; [x]; [; thiếu số liệu: a</td>"));
	assert_non_null(strstr(s, "<td>[3] stays text<br>second line</td>"));
	/* a status matrix: the short head, the long one as its title and below */
	assert_non_null(strstr(s, "<th class=\"st-head\" title=\"1. Quy hoạch &lt;b&gt;\">1</th>"));
	assert_non_null(strstr(s, "<p class=\"note keys\">1. Quy hoạch &lt;b&gt;.</p>"));
	/* the extra column: its head escaped, its cells the caller's */
	assert_int_equal(rows, 2);
	assert_non_null(strstr(s, "<th>Nguồn &lt;i&gt;</th></tr>"));
	assert_non_null(strstr(s, "<td class=\"refs\"><b>row 1</b></td></tr>"));
	free(s);
	/* without options: no id, no links, no extra column */
	s = as_html(&t, NULL);
	assert_non_null(strstr(s, "<section class=\"bieu\">\n"));
	assert_null(strstr(s, "href="));
	assert_null(strstr(s, "refs"));
	free(s);
	table_free(&t);
}

static void page_of_a_table(void **state)
{
	struct table t;
	FILE *f = tmpfile();
	char *s;

	(void)state;
	sample(&t);
	assert_non_null(f);
	assert_int_equal(report_html_table(f, &t), 0);
	s = drain(f);
	assert_int_equal(strncmp(s, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n", 62), 0);
	assert_non_null(strstr(s, "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
	assert_non_null(strstr(s, "<title>title &lt;script&gt;"));
	assert_non_null(strstr(s, "@page{size:A4 landscape"));
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "://"));
	assert_non_null(strstr(s, "</body>\n</html>\n"));
	free(s);
	table_free(&t);
}

static void sources_numbered(void **state)
{
	struct html_refs r = { 0 };
	int i;
	char text[32];

	(void)state;
	assert_int_equal(html_ref(&r, "seed A §2"), 1);
	assert_int_equal(html_ref(&r, "seed B"), 2);
	assert_int_equal(html_ref(&r, "seed A §2"), 1);
	assert_int_equal(html_ref(&r, ""), 3);
	for (i = 0; i < 100; i++) {   /* past the first allocation */
		snprintf(text, sizeof text, "source %d", i);
		assert_int_equal(html_ref(&r, text), 4 + i);
	}
	assert_int_equal(html_ref(&r, "seed B"), 2);
	assert_int_equal(r.n, 103);
	assert_string_equal(r.text[102], "source 99");
	html_refs_free(&r);
	assert_int_equal(r.n, 0);
	assert_null(r.text);
}

/* A heat map one row high and one column wide, drawn into memory: gnuplot
 * draws no image of a single row or column unless it is doubled. */
static void render_svg(void **state)
{
	struct ntm_err err = { 0 };
	struct chart *c = chart_new(CH_HEAT, 1);
	struct chart_series *s;
	char *out = NULL;
	size_t len = 0;

	(void)state;
	assert_non_null(c);
	c->status_map = 1;
	assert_int_equal(chart_set_cat(c, 0, "1"), 0);
	assert_non_null(s = chart_add(c, "<script>alert(1)</script>"));
	s->v[0] = CH_ST_MET;
	assert_int_equal(chart_render(c, "svg", 400, 300, &out, &len, &err), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	assert_non_null(strstr(out, "<svg"));
	assert_non_null(strstr(out, "</svg>"));
	assert_non_null(strstr(out, "<image"));
	assert_non_null(strstr(out, "&lt;script>alert(1)&lt;/script>"));
	assert_null(strstr(out, "<script"));
	free(out);
	out = NULL;
	assert_int_equal(chart_render(c, "pdf", 400, 300, &out, &len, &err), -1);
	assert_null(out);
	assert_string_equal(err.msg, "chart: format 'pdf' is not png, svg or dumb");
	chart_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape),
		cmocka_unit_test(table_escaped),
		cmocka_unit_test(page_of_a_table),
		cmocka_unit_test(sources_numbered),
		cmocka_unit_test(render_svg),
	};

	i18n_init("en");   /* the messages compared are the English ones */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
