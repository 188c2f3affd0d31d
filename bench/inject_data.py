"""Bench data for the error injector (hand-written for the bench; not used by tqcheck itself).

The injector must not share data with the detector, so these small tables are written here by hand
and never read from ``tqcheck/data``.

- ``SINO_VIET_PINYIN``: common Sino-Vietnamese surname and given-name syllables and the Mandarin pinyin
  of the same Chinese character (tones dropped), e.g. Phạm (范) -> Fan, Bình (平) -> Ping, Minh (明) -> Ming.
  Used to write a Vietnamese person's name "routed through pinyin" (Phạm Bình Minh -> Fan Pingming).
- ``PLACES``: country / region names as (English, Vietnamese) pairs, used to swap a place in a translation.
- ``OTHER_NAMES``: person names used to replace a name in a translation.
"""
from __future__ import annotations

SURNAMES = {
    "Nguyễn": "Ruan", "Trần": "Chen", "Lê": "Li", "Phạm": "Fan", "Hoàng": "Huang", "Phan": "Pan", "Vũ": "Wu",
    "Đặng": "Deng", "Bùi": "Pei", "Đỗ": "Du", "Hồ": "Hu", "Ngô": "Wu", "Dương": "Yang", "Lý": "Li",
    "Trịnh": "Zheng", "Đinh": "Ding", "Lâm": "Lin", "Mai": "Mei", "Tô": "Su", "Hà": "He", "Lương": "Liang",
    "Tạ": "Xie", "Cao": "Gao", "Đoàn": "Duan", "Vương": "Wang", "Triệu": "Zhao", "Tôn": "Sun", "Chu": "Zhu",
}

GIVEN = {
    "Văn": "Wen", "Đức": "De", "Minh": "Ming", "Bình": "Ping", "Quang": "Guang", "Hùng": "Xiong",
    "Dũng": "Yong", "Anh": "Ying", "Tuấn": "Jun", "Hải": "Hai", "Long": "Long", "Thành": "Cheng",
    "Trung": "Zhong", "Quốc": "Guo", "Hữu": "You", "Xuân": "Chun", "Hoa": "Hua", "Lan": "Lan",
    "Hương": "Xiang", "Phúc": "Fu", "Tâm": "Xin", "Nghĩa": "Yi", "Khánh": "Qing", "Sơn": "Shan",
    "Ngọc": "Yu", "Kim": "Jin", "Tiến": "Jin", "Vĩnh": "Yong", "Chính": "Zheng", "Cường": "Qiang",
    "Đông": "Dong", "Hưng": "Xing", "Bảo": "Bao", "Huy": "Hui", "Nam": "Nan", "Thắng": "Sheng",
    "Phong": "Feng", "Hòa": "He", "Nhân": "Ren", "Nghị": "Yi", "Khiêm": "Qian", "Thiện": "Shan",
}

SINO_VIET_PINYIN = {**SURNAMES, **GIVEN}

PLACES = [
    ("America", "Mỹ"), ("China", "Trung Quốc"), ("Japan", "Nhật Bản"), ("France", "Pháp"),
    ("Germany", "Đức"), ("India", "Ấn Độ"), ("Russia", "Nga"), ("Australia", "Úc"), ("Korea", "Hàn Quốc"),
    ("Vietnam", "Việt Nam"), ("Italy", "Ý"), ("Spain", "Tây Ban Nha"), ("Africa", "Châu Phi"),
    ("Europe", "Châu Âu"), ("Asia", "Châu Á"), ("Egypt", "Ai Cập"), ("Thailand", "Thái Lan"),
    ("Greece", "Hy Lạp"), ("Sweden", "Thụy Điển"), ("Netherlands", "Hà Lan"), ("Portugal", "Bồ Đào Nha"),
    ("Brazil", "Brazil"), ("Mexico", "Mexico"), ("Canada", "Canada"), ("Kenya", "Kenya"),
    ("Indonesia", "Indonesia"), ("Iraq", "Iraq"), ("Afghanistan", "Afghanistan"), ("London", "Luân Đôn"),
    ("Paris", "Paris"), ("New York", "New York"), ("California", "California"), ("Peru", "Peru"),
]

OTHER_NAMES = ["Peterson", "Garcia", "Nakamura", "Okafor", "Schmidt", "Kowalski", "Haddad", "Lindqvist",
               "Moreau", "Ivanova", "Fernandes", "Mbeki", "Rossi", "Tanaka", "O'Brien", "Novak"]
