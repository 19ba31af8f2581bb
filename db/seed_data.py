"""Word lists and generators for db.seed: plausible Chinese shop master data.

Products are built from combinable parts (brand x series x item x size),
customers from surnames x given names, suppliers from city x trade words.
Everything draws from the caller's random.Random, so a seed gives the same
shop every time.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from db.codes import gtin_check_digit

# category -> (brands, series, items); item = (name, unit, base cost in fen, sizes, case size)
# sizes: (label, cost factor); unit "kg" items are sold by weight.
CATALOGUE: dict[str, tuple[list[str], list[str], list[tuple[str, str, int, list[tuple[str, float]], int]]]] = {
    "调味品": (["海天", "李锦记", "厨邦", "千禾", "太太乐", "老干妈", "恒顺", "加加", "鲁花", "东古"],
            ["金标", "特级", "头道", "零添加", "精选", "经典", "有机", ""],
            [("生抽", "瓶", 650, [("500ml", 1.0), ("1.28L", 2.2), ("1.9L", 3.1)], 12),
             ("老抽", "瓶", 700, [("500ml", 1.0), ("1.28L", 2.2)], 12),
             ("蚝油", "瓶", 800, [("260g", 0.6), ("520g", 1.0), ("700g", 1.3)], 12),
             ("米醋", "瓶", 550, [("450ml", 1.0), ("800ml", 1.6)], 12),
             ("陈醋", "瓶", 600, [("420ml", 1.0), ("800ml", 1.7)], 12),
             ("料酒", "瓶", 500, [("500ml", 1.0), ("1.75L", 2.8)], 12),
             ("鸡精", "袋", 750, [("200g", 0.5), ("454g", 1.0), ("1kg", 2.0)], 20),
             ("辣椒酱", "瓶", 850, [("210g", 0.8), ("280g", 1.0)], 24),
             ("食盐", "袋", 180, [("400g", 1.0), ("1kg", 2.2)], 40),
             ("白砂糖", "袋", 600, [("400g", 0.5), ("1kg", 1.0)], 20)]),
    "粮油": (["金龙鱼", "福临门", "鲁花", "十月稻田", "五得利", "香满园", "胡姬花", "中粮"],
           ["特级", "优选", "东北", "五常", "压榨", "家常", ""],
           [("大米", "袋", 2800, [("2.5kg", 0.5), ("5kg", 1.0), ("10kg", 1.9)], 4),
            ("花生油", "桶", 6500, [("900ml", 0.25), ("1.8L", 0.5), ("5L", 1.0)], 4),
            ("调和油", "桶", 4200, [("1.8L", 0.4), ("5L", 1.0)], 4),
            ("面粉", "袋", 1800, [("1kg", 0.25), ("2.5kg", 0.55), ("5kg", 1.0)], 6),
            ("挂面", "包", 450, [("500g", 0.5), ("1kg", 1.0)], 20),
            ("散装大米", "kg", 520, [("", 1.0)], 25),
            ("小米", "kg", 900, [("", 1.0)], 10),
            ("绿豆", "kg", 1100, [("", 1.0)], 10)]),
    "酒水": (["青岛", "雪花", "燕京", "百威", "茅台", "五粮液", "泸州老窖", "洋河", "红星", "张裕"],
           ["经典", "纯生", "冰爽", "精酿", "窖藏", "特制", ""],
           [("啤酒", "罐", 350, [("330ml", 1.0), ("500ml", 1.4)], 24),
            ("啤酒", "瓶", 400, [("600ml", 1.0)], 12),
            ("白酒", "瓶", 9000, [("100ml", 0.25), ("500ml", 1.0)], 6),
            ("二锅头", "瓶", 1200, [("100ml", 0.3), ("500ml", 1.0)], 12),
            ("干红葡萄酒", "瓶", 6800, [("750ml", 1.0)], 6),
            ("黄酒", "瓶", 1500, [("500ml", 1.0)], 12)]),
    "饮料": (["农夫山泉", "可口可乐", "百事", "康师傅", "统一", "王老吉", "加多宝", "元气森林", "怡宝", "娃哈哈"],
           ["无糖", "经典", "冰", "原味", "柠檬味", "低糖", ""],
           [("矿泉水", "瓶", 90, [("550ml", 1.0), ("1.5L", 2.0)], 24),
            ("可乐", "瓶", 180, [("500ml", 1.0), ("2L", 2.6)], 12),
            ("绿茶", "瓶", 200, [("500ml", 1.0)], 15),
            ("凉茶", "罐", 280, [("310ml", 1.0)], 24),
            ("苏打水", "瓶", 260, [("480ml", 1.0)], 15),
            ("果汁", "瓶", 350, [("450ml", 1.0), ("1L", 1.9)], 12),
            ("冰红茶", "瓶", 200, [("500ml", 1.0), ("1L", 1.8)], 15)]),
    "零食": (["三只松鼠", "良品铺子", "乐事", "旺旺", "卫龙", "奥利奥", "徐福记", "好丽友", "洽洽", "百草味"],
           ["原味", "香辣", "五香", "烧烤味", "番茄味", "海苔味", "芝士味", ""],
           [("薯片", "袋", 450, [("70g", 0.7), ("104g", 1.0), ("135g", 1.3)], 22),
            ("瓜子", "袋", 650, [("160g", 0.6), ("308g", 1.0)], 20),
            ("饼干", "盒", 700, [("97g", 0.5), ("388g", 1.0)], 24),
            ("辣条", "包", 250, [("106g", 1.0), ("260g", 2.2)], 40),
            ("坚果", "袋", 2500, [("150g", 0.5), ("500g", 1.0)], 20),
            ("仙贝", "袋", 600, [("52g", 0.4), ("150g", 1.0)], 24),
            ("巧克力", "盒", 1200, [("43g", 0.4), ("240g", 1.0)], 24)]),
    "日用品": (["蓝月亮", "立白", "舒肤佳", "高露洁", "云南白药", "清风", "维达", "心相印", "海飞丝", "飘柔"],
            ["清香", "薰衣草", "强效", "家庭装", "柔顺", "去屑", "抑菌", ""],
            [("洗衣液", "瓶", 2200, [("1kg", 0.5), ("2kg", 1.0), ("3kg", 1.4)], 6),
             ("洗洁精", "瓶", 800, [("500g", 0.6), ("1.1kg", 1.0)], 12),
             ("香皂", "块", 350, [("100g", 1.0), ("125g", 1.2)], 48),
             ("牙膏", "支", 900, [("90g", 0.7), ("120g", 1.0)], 36),
             ("洗发水", "瓶", 3500, [("200ml", 0.5), ("400ml", 1.0)], 12),
             ("抽纸", "提", 1800, [("3包", 0.5), ("6包", 1.0)], 8),
             ("卷纸", "提", 2600, [("10卷", 1.0), ("12卷", 1.15)], 6)]),
    "乳品": (["伊利", "蒙牛", "光明", "君乐宝", "三元", "新希望"],
           ["纯牛奶", "低脂", "全脂", "高钙", "原味", "草莓味", ""],
           [("鲜牛奶", "瓶", 600, [("250ml", 0.5), ("950ml", 1.0)], 12),
            ("酸奶", "杯", 300, [("100g", 0.6), ("200g", 1.0)], 24),
            ("奶粉", "罐", 12000, [("400g", 0.4), ("900g", 1.0)], 6),
            ("乳饮料", "瓶", 250, [("100ml", 0.5), ("340ml", 1.0)], 20)]),
    "方便食品": (["康师傅", "统一", "今麦郎", "白象", "日清", "海底捞", "自嗨锅", "双汇"],
             ["红烧牛肉", "老坛酸菜", "香辣", "番茄", "麻辣", "鲜虾", ""],
             [("方便面", "袋", 250, [("单包", 1.0), ("五连包", 4.5)], 24),
              ("桶面", "桶", 380, [("单桶", 1.0)], 12),
              ("自热火锅", "盒", 1900, [("单盒", 1.0)], 12),
              ("火腿肠", "包", 800, [("240g", 1.0), ("400g", 1.6)], 20),
              ("速冻水饺", "袋", 1500, [("500g", 1.0), ("1kg", 1.9)], 10)]),
    "生鲜": (["本地", "山东", "新疆", "云南", "海南", "东北"],
           ["精品", "优选", "有机", ""],
           [("苹果", "kg", 800, [("", 1.0)], 10), ("香蕉", "kg", 500, [("", 1.0)], 10),
            ("土豆", "kg", 250, [("", 1.0)], 20), ("西红柿", "kg", 450, [("", 1.0)], 10),
            ("鸡蛋", "kg", 900, [("", 1.0)], 15), ("白菜", "kg", 200, [("", 1.0)], 20)]),
    "烘焙": (["桃李", "达利园", "曼可顿", "好利来", "宾堡"],
           ["醇熟", "全麦", "奶香", "豆沙", ""],
           [("面包", "袋", 450, [("80g", 0.5), ("400g", 1.0)], 20),
            ("蛋糕", "个", 350, [("60g", 0.6), ("150g", 1.0)], 24),
            ("吐司", "袋", 650, [("400g", 1.0)], 12)]),
}
# Packs multiply the combinations: (label, units per pack); weighed goods have none.
PACKS = (("", 1), ("", 1), ("", 1), ("×2", 2), ("×4", 4), ("×6", 6), ("×12", 12), ("促销装", 1),
         ("新包装", 1), ("家庭装", 1))
# Fresh goods with a short shelf life are tracked by batch and expiry date.
BATCH_CATEGORIES = {"乳品": 30, "烘焙": 12}   # shelf life in days

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严")
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
         "超", "霞", "平", "刚", "秀英", "桂英", "建国", "建华", "志强", "海燕", "红梅", "玉兰", "文博",
         "子涵", "浩然", "欣怡", "梓轩", "雨涵", "宇轩", "一诺", "晨阳", "佳怡", "俊杰", "思远", "嘉怡",
         "鹏飞", "晓东", "春梅", "秋菊", "立新", "德明", "永强", "国庆", "丽娟", "金凤", "淑珍", "秀兰",
         "婷婷", "建军", "建平", "海涛", "小红", "晓明", "振华", "玉珍", "凤英", "志刚", "红霞", "明辉",
         "博文", "雅琪", "诗涵", "子轩", "浩宇")
SHOPS = ("餐馆", "小卖部", "饭店", "便利店", "烧烤", "面馆", "酒楼", "食堂", "火锅店", "水果店")
CITIES = ("广州", "深圳", "东莞", "佛山", "长沙", "武汉", "成都", "杭州", "义乌", "郑州", "济南", "石家庄",
          "南昌", "合肥", "福州", "昆明")
TRADE = ("恒丰", "鑫源", "华联", "永盛", "宏达", "金穗", "嘉禾", "万家", "泰和", "瑞丰", "顺通", "利民",
         "丰泰", "兴隆", "汇通", "四季")
TRADE_KIND = ("食品贸易", "商贸", "副食品批发", "日化贸易", "酒水批发", "粮油贸易", "供应链", "冷链配送")


@dataclass
class ProductSpec:
    sku: str
    name: str
    barcode: str | None
    category: str
    unit: str
    cost: int          # fen per unit, the supplier's list cost
    price: int         # fen per unit
    case: int          # milli-units per purchase case
    batch_days: int    # shelf life; 0 = not tracked by batch
    brand: str
    min_qty: int | None
    max_qty: int | None


def _nice_price(fen: int, cost: int) -> int:
    """Shelf prices end in .x0, .x8 or .x9 (whole yuan or .90 above 50 yuan); never below cost."""
    if fen >= 5000:
        yuan = round(fen / 100)
        price = yuan * 100 if fen % 3 else yuan * 100 - 10
    else:
        base = max(10, round(fen / 10) * 10)
        price = base - 1 if fen % 5 == 0 else (base - 2 if fen % 5 == 1 else base)
    return max(price, cost + max(1, cost // 10))


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def make_products(rng: random.Random, n: int, taken_skus: set[str], taken_codes: set[str],
                  sku_prefix: str = "SP") -> list[ProductSpec]:
    cats = list(CATALOGUE)
    cat_weights = [3, 2, 2, 3, 3, 2, 1.2, 1.5, 0.6, 0.7]
    seen_names: set[str] = set()
    brand_prefix: dict[str, str] = {}
    out: list[ProductSpec] = []
    serial = 0
    tries = 0
    while len(out) < n:
        tries += 1
        cat = rng.choices(cats, cat_weights)[0]
        brands, series, items = CATALOGUE[cat]
        brand = rng.choice(brands)
        ser = rng.choice(series)
        item, unit, base, sizes, case = rng.choice(items)
        size, factor = rng.choice(sizes)
        pack, many = rng.choice(PACKS) if unit != "kg" else ("", 1)
        # As on a shelf label: the Chinese words run together, size and pack apart.
        name = " ".join(x for x in ("".join((brand, ser or "", item)), size, pack) if x)
        if name in seen_names:
            if tries < n * 6:
                continue
            name = f"{name} 款{len(out) + 1}"   # the combinations ran out
        seen_names.add(name)
        serial += 1
        sku = f"{sku_prefix}{serial:06d}"
        while sku in taken_skus:
            serial += 1
            sku = f"{sku_prefix}{serial:06d}"
        taken_skus.add(sku)
        cost = max(20, int(base * factor * many * rng.uniform(0.8, 1.25)))
        price = _nice_price(int(cost * rng.uniform(1.15, 1.6)), cost)
        code = None
        if unit != "kg":   # weighed goods carry in-store labels, not printed EAN-13s
            mfr = brand_prefix.setdefault(brand, f"{rng.randrange(10**5):05d}")
            while True:
                body = f"69{rng.randrange(10)}{mfr[:4]}{rng.randrange(10**5):05d}"
                code = body + str(gtin_check_digit(body))
                if code not in taken_codes:
                    break
            taken_codes.add(code)
        case_milli = max(1, case // many) * 1000
        batch_days = BATCH_CATEGORIES.get(cat, 0)
        min_q = max_q = None
        if rng.random() < 0.3:
            min_q = case_milli // 2 if unit != "kg" else 5000
            max_q = case_milli * 20
        out.append(ProductSpec(sku, name, code, cat, unit, cost, price, case_milli, batch_days,
                               brand, min_q, max_q))
    return out


def make_people(rng: random.Random, n: int, taken: set[str]) -> list[tuple[str, str]]:
    """Customers: people and small businesses, unique names, with mobile numbers."""
    out = []
    while len(out) < n:
        s = rng.choice(SURNAMES)
        r = rng.random()
        if r < 0.15:
            name = f"{s}记{rng.choice(SHOPS)}"
        elif r < 0.25:
            name = f"{s}{rng.choice(('老板', '师傅', '阿姨', '姐', '哥'))}"
        else:
            name = s + rng.choice(GIVEN)
        if name in taken:
            name = f"{name}{len(out) + 1}" if rng.random() < 0.02 or len(taken) > 50_000 else None
            if name is None or name in taken:
                continue
        taken.add(name)
        out.append((name, phone(rng)))
    return out


def make_suppliers(rng: random.Random, n: int, taken: set[str]) -> list[tuple[str, str]]:
    out = []
    while len(out) < n:
        name = f"{rng.choice(CITIES)}市{rng.choice(TRADE)}{rng.choice(TRADE_KIND)}有限公司"
        if name in taken:
            name = f"{name[:-4]}{len(out) + 1}分公司"
            if name in taken:
                continue
        taken.add(name)
        out.append((name, f"0{rng.randrange(20, 999)}-{rng.randrange(10**7, 10**8)}"))
    return out
