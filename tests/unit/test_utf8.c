/* test_utf8.c - Vietnamese text (utf8.h): validation, NFC, folding for
 * matching, collation in dictionary order, width, distance. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void validation(void **state)
{
	(void)state;
	assert_true(utf8_valid("Định Hóa", strlen("Định Hóa")));
	assert_false(utf8_valid("\xC0\xAF", 2));           /* overlong '/' */
	assert_false(utf8_valid("\xED\xA0\x80", 3));       /* surrogate */
	assert_false(utf8_valid("\xE1\xBB", 2));           /* truncated */
	assert_false(utf8_valid("\xF4\x90\x80\x80", 4));   /* > U+10FFFF */
	assert_int_equal(utf8_invalid_at("ab\xFF", 3), 2);
	assert_true(utf8_invalid_at("ab", 2) == (size_t)-1);
}

static void nfc(void **state)
{
	/* e + dot below + circumflex, and the other order: both "ệ" */
	char *a = utf8_nfc("Bi\xCC\x80nh Ye\xCC\xA3\xCC\x82n");
	char *b = utf8_nfc("Bi\xCC\x80nh Ye\xCC\x82\xCC\xA3n");
	char *c = utf8_nfc("Đi\xCC\xA3nh Ho\xCC\x81" "a");
	char *d = utf8_nfc("plain ascii");

	(void)state;
	assert_string_equal(a, "Bình Yện");
	assert_string_equal(b, "Bình Yện");
	assert_string_equal(c, "Định Hóa");
	assert_string_equal(d, "plain ascii");
	assert_null(utf8_nfc("bad \xFF"));
	free(a);
	free(b);
	free(c);
	free(d);
}

static void folding(void **state)
{
	static const char *const same[] = {
		"Định Hóa", "Định Hoá", "ĐỊNH HÓA", " dinh  hoa ", "Đi\xCC\xA3nh Hoa\xCC\x81", NULL,
	};
	int i;

	(void)state;
	for (i = 0; same[i]; i++) {
		char *k = utf8_fold(same[i]);

		assert_string_equal(k, "dinh hoa");
		free(k);
	}
	{
		char *k = utf8_fold("Quảng Giao");

		assert_string_equal(k, "quang giao");
		free(k);
	}
}

static void collation(void **state)
{
	static const char *const tones[] = { "ma", "mà", "mả", "mã", "má", "mạ" };
	static const char *const communes[] = {
		"Bảo Cường", "Bảo Linh", "Bình Thành", "Bình Yên", "Bộc Nhiêu", "Điềm Mặc",
		"Định Biên", "Đồng Thịnh", "Kim Phượng", "Lam Vỹ", "Linh Thông", "Phú Đình",
		"Phú Tiến", "Phúc Chu", "Phượng Tiến", "Quy Kỳ", "Sơn Phú", "Tân Dương",
		"Tân Thịnh", "Thanh Định", "Trung Hội", "Trung Lương",
	};
	size_t i, j;

	(void)state;
	assert_true(utf8_collate("Anh", "Ăn") < 0);
	assert_true(utf8_collate("Ăn", "Ân") < 0);
	assert_true(utf8_collate("Dương", "Đà") < 0);
	assert_true(utf8_collate("Ôn", "Ơn") < 0);
	assert_true(utf8_collate("Uyên", "Ưng") < 0);
	assert_true(utf8_collate("Bảo", "Bảo Cường") < 0);
	for (i = 0; i + 1 < 6; i++)
		assert_true(utf8_collate(tones[i], tones[i + 1]) < 0);
	assert_int_equal(utf8_collate("Hoá", "Hóa"), 0);
	assert_true(utf8_collate("ma", "Ma") < 0);
	/* the list above is in Vietnamese dictionary order */
	for (i = 0; i + 1 < sizeof communes / sizeof communes[0]; i++)
		if (utf8_collate(communes[i], communes[i + 1]) >= 0)
			fail_msg("'%s' should sort before '%s'", communes[i], communes[i + 1]);
	/* sort keys order as collate does */
	for (i = 0; i < sizeof communes / sizeof communes[0]; i++) {
		for (j = 0; j < sizeof communes / sizeof communes[0]; j++) {
			unsigned char a[256], b[256];
			size_t na = utf8_sortkey(communes[i], a, sizeof a);
			size_t nb = utf8_sortkey(communes[j], b, sizeof b);
			int r = memcmp(a, b, na < nb ? na : nb);

			if (r == 0)
				r = na < nb ? -1 : na > nb;
			assert_true((r < 0) == (utf8_collate(communes[i], communes[j]) < 0));
		}
	}
}

static void width_and_distance(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("Định Hóa"), 8);
	assert_int_equal(utf8_width("Đi\xCC\xA3nh Hoa\xCC\x81"), 8);
	assert_int_equal(utf8_distance("dinh hoa", "Định Hóa"), 0);
	assert_int_equal(utf8_distance("kim phuong", "Kim Phượng"), 0);
	assert_int_equal(utf8_distance("road_vilage", "road_village"), 1);
	assert_int_equal(utf8_prefix_cols("Định Hóa", 3), strlen("Địn"));
	assert_int_equal(utf8_prefix_cols("Hoa\xCC\x81 x", 3), strlen("Hoa\xCC\x81"));
	assert_int_equal(utf8_prefix_cols("ab", 10), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(validation),
		cmocka_unit_test(nfc),
		cmocka_unit_test(folding),
		cmocka_unit_test(collation),
		cmocka_unit_test(width_and_distance),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
