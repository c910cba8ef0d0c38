"""The printing pipeline: embedded font only, page numbers, header row on every page,
Chinese line breaking, long cells wrapped."""

from pathlib import Path

from reportlab.platypus import Paragraph

from redoffice.reports.base import NO_LINE_START, Page, para, render, table, usable_width
from tests.reports.conftest import pdf_fonts, pdf_text


def test_only_the_bundled_font_and_it_is_embedded(tmp_path: Path) -> None:
    data = render(Page("测试", "幸福社区"), [para("入户走访记录表 ABC 123")])
    fonts = pdf_fonts(data, tmp_path)
    assert len(fonts) == 1
    name, _type, _enc, embedded, subset, _uni, *_ = fonts[0]
    assert "WenQuanYiMicroHei" in name and (embedded, subset) == ("yes", "yes")


def test_header_row_and_page_numbers_on_every_page(tmp_path: Path) -> None:
    page = Page("民情台账", "幸福社区居委会", landscape=True)
    rows = [(str(n), "楼道灯坏了，晚上看不见。" * 8) for n in range(120)]
    data = render(page, [table(["编号", "内容摘要"], rows, [30, usable_width(page) - 30])])
    pages = pdf_text(data, tmp_path)
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "内容摘要" in text
        assert "幸福社区居委会" in text and "民情台账" in text
        assert f"第{number}页共{len(pages)}页" in text.replace(" ", "")


def _lines(paragraph: Paragraph) -> list[str]:
    """The text of each laid-out line (ReportLab keeps plain CJK lines as (width, words))."""
    lines = []
    for line in paragraph.blPara.lines:
        words = line.words if hasattr(line, "words") else line[1]
        lines.append("".join(w if isinstance(w, str) else w.text for w in words))
    return lines


def test_no_line_starts_with_closing_punctuation() -> None:
    # at this width many breaks fall just before a punctuation mark unless the rule moves it
    text = "".join(f"社区居委会{mark}" for mark in NO_LINE_START) * 12
    for width in (150, 200, 333, usable_width(Page("测试", "幸福社区"))):
        paragraph = para(text, 10)
        paragraph.wrap(width, 10_000)
        lines = _lines(paragraph)
        assert len(lines) > 3
        assert "".join(lines) == text
        assert not [line for line in lines if line[0] in NO_LINE_START], width


def test_split_runs_keep_punctuation_off_the_line_start() -> None:
    """Runs that ReportLab splits with textsplit (the A3 公示 once began a line with "，")."""
    from reportlab.lib.textsplit import wordSplit

    from redoffice.reports.fonts import FONT, register_font

    register_font()
    text = "公示期间如有异议请联系我们，我们将及时处理。" * 3
    for width in range(40, 200, 5):
        lines = [part for _space, part in wordSplit(text, width, FONT, 10)]
        assert "".join(lines) == text
        assert not [line for line in lines if line[0] in NO_LINE_START], width


def test_long_cells_wrap_inside_their_column(tmp_path: Path) -> None:
    words = "阳光花园小区三号楼二单元门禁系统长期损坏无人维修" * 10
    data = render(Page("测试", "幸福社区"), [table(["甲", "乙"], [(words, "短")], [120, 60])])
    text = "".join(pdf_text(data, tmp_path))
    assert text.replace("\n", "").count("门禁系统") == 10
    assert len([line for line in text.splitlines() if "阳光" in line or "损坏" in line]) > 5
