/*
 * unicode.h - the two Unicode facts slugs need (base.py _rev_path:
 * re.findall(r"\w+", message) then str.lower()), from tables generated with
 * the oracle's Python so every assigned code point behaves as there.
 */
#ifndef SCRIPT_UNICODE_H
#define SCRIPT_UNICODE_H

#include <stdbool.h>

/* Python's \w for one code point: str.isalnum() or '_'. */
bool unicode_is_word(unsigned cp);
/* For word characters (unicode_is_word): Unicode's Cased and
 * Case_Ignorable properties, which str.lower()'s final-sigma rule reads. */
bool unicode_is_cased(unsigned cp);
bool unicode_is_case_ignorable(unsigned cp);
/* Python's str.lower() for code points whose lower case is one code point
 * (all but U+0130, which the caller handles); cp itself if unchanged. */
unsigned unicode_lower(unsigned cp);

#endif
