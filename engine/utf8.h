/* utf8.h - UTF-8 text for Vietnamese names: validation, NFC, the folded key
 * names are matched by, Vietnamese collation, display width, and edit
 * distance for suggestions. Tables from unitab.h; no allocation per char. */
#ifndef NTM_UTF8_H
#define NTM_UTF8_H

#include <stddef.h>
#include <stdio.h>

/* 1 if s[0..n) is valid UTF-8 (no overlong forms, surrogates or > U+10FFFF). */
int utf8_valid(const char *s, size_t n);
/* Offset of the first invalid byte sequence, or (size_t)-1 when valid. */
size_t utf8_invalid_at(const char *s, size_t n);
/* NFC normalisation, exact for Latin script (U+0000-U+024F, the combining
 * marks U+0300-U+036F and U+1E00-U+1EFF); other text passes through.
 * Caller frees; NULL on invalid UTF-8 or out of memory. */
char *utf8_nfc(const char *s);
/* The matching key: no diacritics, đ as d, lower case, single spaces,
 * trimmed. "Định Hóa", "Định Hoá", "ĐỊNH HÓA" and " dinh  hoa" all give
 * "dinh hoa". Caller frees; NULL on invalid UTF-8 or out of memory. */
char *utf8_fold(const char *s);
/* Vietnamese order: letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
 * u ư v x y (digits first); then tones per word (none, huyền, hỏi, ngã,
 * sắc, nặng), so "Hoá" and "Hóa" tie; then lower case before upper. */
int utf8_collate(const char *a, const char *b);
/* A key whose memcmp order is utf8_collate's; returns its length (like
 * snprintf, the length needed even when cap is too small). */
size_t utf8_sortkey(const char *s, unsigned char *out, size_t cap);
/* Terminal columns: combining marks take none. */
size_t utf8_width(const char *s);
/* Writes s and spaces up to w columns (nothing more when s is wider). */
void utf8_pad(FILE *f, const char *s, int w);
/* Edit distance between the folded forms, in code points; -1 on error. */
int utf8_distance(const char *a, const char *b);
/* Bytes of the longest prefix of at most cols columns, never splitting a
 * letter from its marks. */
size_t utf8_prefix_cols(const char *s, size_t cols);

#endif
