namespace OpenAlumni.Web.Features.Demo;

/// <summary>Word lists for demo and synthetic members: real-sounding, not real people.</summary>
internal static class DemoNames
{
    public static readonly (string Kanji, string Kana, string Romaji)[] Family =
    [
        ("佐藤", "さとう", "Sato"), ("鈴木", "すずき", "Suzuki"), ("高橋", "たかはし", "Takahashi"), ("田中", "たなか", "Tanaka"),
        ("伊藤", "いとう", "Ito"), ("渡辺", "わたなべ", "Watanabe"), ("山本", "やまもと", "Yamamoto"), ("中村", "なかむら", "Nakamura"),
        ("小林", "こばやし", "Kobayashi"), ("加藤", "かとう", "Kato"), ("吉田", "よしだ", "Yoshida"), ("山田", "やまだ", "Yamada"),
        ("佐々木", "ささき", "Sasaki"), ("山口", "やまぐち", "Yamaguchi"), ("松本", "まつもと", "Matsumoto"), ("井上", "いのうえ", "Inoue"),
        ("木村", "きむら", "Kimura"), ("林", "はやし", "Hayashi"), ("清水", "しみず", "Shimizu"), ("森", "もり", "Mori"),
        ("池田", "いけだ", "Ikeda"), ("橋本", "はしもと", "Hashimoto"), ("石川", "いしかわ", "Ishikawa"), ("前田", "まえだ", "Maeda"),
        ("藤田", "ふじた", "Fujita"), ("岡田", "おかだ", "Okada"), ("長谷川", "はせがわ", "Hasegawa"), ("村上", "むらかみ", "Murakami"),
        ("近藤", "こんどう", "Kondo"), ("坂本", "さかもと", "Sakamoto"), ("遠藤", "えんどう", "Endo"), ("青木", "あおき", "Aoki"),
    ];

    public static readonly (string Kanji, string Kana, string Romaji)[] Given =
    [
        ("花子", "はなこ", "Hanako"), ("太郎", "たろう", "Taro"), ("健一", "けんいち", "Kenichi"), ("美咲", "みさき", "Misaki"),
        ("翔太", "しょうた", "Shota"), ("陽子", "ようこ", "Yoko"), ("大輔", "だいすけ", "Daisuke"), ("由美", "ゆみ", "Yumi"),
        ("拓也", "たくや", "Takuya"), ("恵", "めぐみ", "Megumi"), ("直樹", "なおき", "Naoki"), ("彩", "あや", "Aya"),
        ("誠", "まこと", "Makoto"), ("真由美", "まゆみ", "Mayumi"), ("隆", "たかし", "Takashi"), ("結衣", "ゆい", "Yui"),
        ("和也", "かずや", "Kazuya"), ("千尋", "ちひろ", "Chihiro"), ("亮", "りょう", "Ryo"), ("麻衣", "まい", "Mai"),
        ("剛", "つよし", "Tsuyoshi"), ("香織", "かおり", "Kaori"), ("浩二", "こうじ", "Koji"), ("智子", "ともこ", "Tomoko"),
    ];

    public static readonly (string Given, string Family)[] Western =
    [
        ("Emily", "Carter"), ("James", "Whitfield"), ("Sophie", "Laurent"), ("Daniel", "Okafor"), ("Priya", "Raman"),
        ("Lucas", "Moreau"), ("Hannah", "Fischer"), ("Michael", "Chen"), ("Olivia", "Grant"), ("Arjun", "Mehta"),
    ];

    public static readonly string[] Departments =
    [
        "金属本部", "機械・インフラ本部", "化学品本部", "エネルギー本部", "食料本部", "生活産業本部",
        "情報・金融本部", "経営企画部", "人事部", "財務部", "法務部", "広報部", "新規事業開発室",
    ];

    public static readonly string[] Organizations =
    [
        "株式会社ミライ物流", "Sakura Ventures", "グリーンエナジー・パートナーズ株式会社", "株式会社フードテック研究所",
        "Kaizen Analytics Pte. Ltd.", "株式会社つなぐ不動産", "Blue Harbor Capital", "合同会社アグリネクスト",
        "株式会社メディカルブリッジ", "Northwind Consulting", "株式会社リサイクル・ループ", "東京オープンイノベーション株式会社",
        "株式会社スマートファクトリー", "Asia Mobility Holdings", "一般社団法人地域共創ラボ", "株式会社キャリアリンク",
    ];

    public static readonly string[] Titles =
    [
        "代表取締役CEO", "取締役CFO", "事業開発部長", "マネージングディレクター", "パートナー", "COO",
        "プロダクトマネージャー", "シニアコンサルタント", "Founder", "Head of Partnerships", "投資担当ディレクター",
    ];

    public static readonly string[] Skills =
    [
        "事業開発", "M&A", "サプライチェーン", "データ分析", "再生可能エネルギー", "海外営業", "資金調達",
        "DX", "プロジェクトファイナンス", "マーケティング", "法務", "人事制度", "物流", "食品安全", "Python",
        "English", "中国語", "SaaS", "ESG", "ブランド戦略",
    ];

    public static readonly string[] Interests =
    [
        "スタートアップ支援", "地方創生", "ゴルフ", "ワイン", "マラソン", "教育", "脱炭素", "アート", "登山", "子育て",
    ];

    public static readonly string[] Locations =
    [
        "東京都", "大阪府", "神奈川県", "福岡県", "愛知県", "北海道", "シンガポール", "ロンドン", "ニューヨーク", "ジャカルタ",
    ];

    public static readonly string[] Bios =
    [
        "退職後、物流スタートアップを創業しました。商社時代の仲間と新しい取り組みができれば嬉しいです。",
        "エネルギー分野での経験を活かし、再エネ案件の開発に取り組んでいます。お気軽にご相談ください。",
        "After twelve years in the metals division I moved into venture capital. Happy to talk to anyone exploring new businesses.",
        "食品の海外展開を支援しています。現役社員の方との協業の機会を探しています。",
        "I run a small consultancy helping manufacturers with digital transformation in Southeast Asia.",
        "人事制度設計のコンサルタントとして独立しました。キャリア相談にも応じます。",
    ];
}
