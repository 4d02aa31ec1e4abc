"""Turn `mutmut results --all true` into benchmarks/MUTATION.md: the score per module.

Each line of mutmut's output is `<module>.<function>__mutmut_<n>: <status>`.
Score: killed / (killed + survived), over mutants that ran; mutants listed in
EQUIVALENT are left out of the score, each with the reason it cannot be killed.
"""

from __future__ import annotations

import collections
import datetime
import re
import sys

# mutant name -> why no test can tell it from the original (reviewed by hand).
_FIRST_PIECE = "the first piece of str.split is the same whatever the maxsplit"
_EMPTY_PLACE = "place is optional: an empty list counts as not given, so the choices offered for an empty list never show"
_PLACEHOLDER = "the first Term only marks its slug as taken while the children are read: the Term with children replaces it, or the file is refused"
_SCALAR = "only scalar nodes reach construct_object (the builder makes maps and lists itself), and deep changes nothing for a scalar"
EQUIVALENT: dict[str, str] = {
    # body
    "showcase.body.x_configure__mutmut_14": "never remembering the configuration only builds the same Markdown again: slower, same rendering",
    "showcase.body.x_site_markdown__mutmut_12": "the default encoding is the locale's, UTF-8 on every machine of the project (Python coerces the C locale to UTF-8)",
    "showcase.body.x_site_markdown__mutmut_14": "codec names are case-insensitive: 'UTF-8' is 'utf-8'",
    "showcase.body.x__has_plain_paragraph__mutmut_5": "the sentinel after the last line only has to be no underline, and 'XXXX' is none either",
    "showcase.body.x__has_plain_paragraph__mutmut_15": "a line mixing = and - is no setext underline, so either answer gives check_body the same verdict",
    "showcase.body.x_url_scheme__mutmut_13": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_18": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_23": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_26": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_29": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_32": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_40": _FIRST_PIECE,
    "showcase.body.x_url_scheme__mutmut_43": _FIRST_PIECE,
    "showcase.body.x__line_of__mutmut_7": _FIRST_PIECE,
    "showcase.body.x__line_of__mutmut_10": _FIRST_PIECE,
    "showcase.body.xǁ_UnsafeFinderǁ__init____mutmut_4": "paragraph_text is only read as `not paragraph_text`, where None and False are alike",
    # values
    "showcase.values.x_check_url__mutmut_38": "a space (32) is refused by ch.isspace() already",
    "showcase.values.x_check_url__mutmut_39": "a space (32) is refused by ch.isspace() already",
    "showcase.values.x_source_date__mutmut_1": "str() of any other value YAML gives (bool, float, None, list, map) never looks like a date, so it is refused alike",
    "showcase.values.x_source_date__mutmut_18": "a year or month without day is checked on day 2 instead of 1: every month has both",
    # taxonomy
    "showcase.taxonomy.x_load_vocabulary__mutmut_8": "document is only read when read_text gave text, and then parse_yaml sets it",
    "showcase.taxonomy.x__read_terms__mutmut_85": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_86": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_87": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_88": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_89": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_90": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_91": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_92": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_93": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_94": _PLACEHOLDER,
    "showcase.taxonomy.x__read_terms__mutmut_95": _PLACEHOLDER,
    # validate
    "showcase.validate.x__is_plain_text__mutmut_13": "'>' is a markup character, so has_markup already sends such a summary to rendering",
    "showcase.validate.x__is_plain_text__mutmut_14": "a leading '=' is plain text in Markdown (only a line below text underlines), so rendering gives the same verdict",
    "showcase.validate.x__is_plain_text__mutmut_21": "quote=None is false like quote=False",
    "showcase.validate.x_check_sdg__mutmut_17": "sdg is optional: an empty list counts as not given, so the choices offered for an empty list never show",
    "showcase.validate.x_check_place__mutmut_12": _EMPTY_PLACE,
    "showcase.validate.x_check_place__mutmut_23": _EMPTY_PLACE,
    "showcase.validate.x_check_place__mutmut_24": _EMPTY_PLACE,
    "showcase.validate.x_check_place__mutmut_25": _EMPTY_PLACE,
    "showcase.validate.x_to_case__mutmut_174": "sources is required: a valid case always has it, so the default is never used",
    "showcase.validate.x_to_case__mutmut_176": "sources is required: a valid case always has it, so the default is never used",
    # frontmatter
    "showcase.frontmatter.x_read_text__mutmut_47": "codec names are case-insensitive: 'UTF-8-SIG' is 'utf-8-sig'",
    "showcase.frontmatter.xǁ_Builderǁbuild__mutmut_36": _SCALAR,
    "showcase.frontmatter.xǁ_Builderǁbuild__mutmut_38": _SCALAR,
    "showcase.frontmatter.xǁ_Builderǁbuild__mutmut_39": _SCALAR,
    # places
    "showcase.places.x_fold__mutmut_12": "the typographic apostrophe is no letter or digit, so the last step makes it a space with or without the replace",
    "showcase.places.x_fold__mutmut_13": "the inserted 'XX' comes after casefold, so being upper-case it is made a space like the apostrophe",
}

LINE = re.compile(r"^\s*(?P<name>showcase\.(?P<module>\w+)\.\S+__mutmut_\d+): (?P<status>[\w ]+)$")


def main(path: str) -> None:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in open(path, encoding="utf-8"):
        match = LINE.match(line.strip())
        if not match:
            continue
        status = "equivalent" if match["name"] in EQUIVALENT else match["status"].strip()
        counts[match["module"]][status] += 1
    print("# Mutation testing of the core")
    print()
    print(f"Measured {datetime.date.today().isoformat()} with mutmut 3.8.1: `bash scripts/mutation`.")
    print("Score: killed ÷ (killed + survived); equivalent mutants are left out (listed in scripts/mutation_report.py).")
    print()
    print("| module | killed | survived | timeout | equivalent | other | score |")
    print("|---|---|---|---|---|---|---|")
    for module, c in sorted(counts.items()):
        killed, survived, timeout = c["killed"], c["survived"], c["timeout"]
        other = sum(c.values()) - killed - survived - timeout - c["equivalent"]
        score = f"{100 * (killed + timeout) / (killed + timeout + survived):.1f} %" if killed + timeout + survived else "–"
        print(f"| `{module}` | {killed} | {survived} | {timeout} | {c['equivalent']} | {other} | {score} |")


if __name__ == "__main__":
    main(sys.argv[1])
