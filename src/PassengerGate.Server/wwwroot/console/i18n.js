// The consoles' words in Japanese and English. One catalogue, a language switch kept in localStorage.
const catalogue = {
  en: {
    "app.name": "PassengerGate", "nav.officer": "Officer console", "nav.supervisor": "Supervisor dashboard", "nav.departure": "Departure console", "nav.audit": "Audit trail", "nav.admin": "Accounts",
    "shell.signOut": "Sign out", "shell.language": "日本語", "shell.languageLabel": "Switch to Japanese", "shell.live": "Live", "shell.connecting": "Connecting…",
    "shell.reconnecting": "Reconnecting…", "shell.disconnected": "Disconnected — retrying",
    "role.officer": "officer", "role.supervisor": "supervisor", "role.administrator": "administrator", "role.departure": "departure",
    "queue.title": "Referral queue", "queue.filters": "Filters", "queue.reason": "Reason code", "queue.flight": "Flight", "queue.minWait": "Waiting at least",
    "queue.anyWait": "any time", "queue.minutes": "{n} min", "queue.apply": "Apply filters", "queue.empty": "No open referrals match.",
    "queue.case": "Case", "queue.name": "Name", "queue.reasons": "Reasons", "queue.waiting": "Waiting", "queue.holder": "Held by", "queue.action": "Action",
    "queue.nobody": "nobody", "queue.claim": "Claim", "queue.open": "Open", "queue.takeOver": "Take over", "queue.prev": "Previous page", "queue.next": "Next page",
    "queue.pageOf": "Page {page} of {pages} — {total} open", "queue.newReferral": "New referral: case {n}", "queue.waitMin": "{n} min",
    "case.title": "Case", "case.none": "Claim a case from the queue to work on it.", "case.heldBy": "Held by {who}", "case.release": "Release to queue",
    "case.document": "Document", "case.mrz": "MRZ", "case.issuingState": "Issuing state", "case.nationality": "Nationality", "case.dateOfBirth": "Date of birth",
    "case.expiry": "Expiry", "case.sex": "Sex", "case.chip": "Chip", "case.pa": "Passive authentication", "case.aa": "Active authentication", "case.ca": "Chip authentication",
    "case.face": "Face", "case.score": "Score", "case.threshold": "Threshold", "case.live": "Liveness", "case.quality": "Quality", "case.noFace": "No face result (referred before the face check).",
    "case.noDocument": "No document result.", "case.declaration": "Declaration and assessment", "case.noDeclaration": "No declaration (referred before one was given).",
    "case.flight": "Flight", "case.arrival": "Arrival date", "case.goods": "Goods", "case.quantity": "Quantity", "case.value": "Overseas value", "case.outcome": "Outcome",
    "case.duty": "Duty", "case.reason": "Reason", "case.totalDuty": "Duty due", "case.risk": "Risk", "case.riskHits": "Rule hits", "case.riskNone": "No rule hit.",
    "case.selected": "Random selection", "case.reasonsTitle": "Referral reasons",
    "case.editedAtKiosk": "Pre-declaration edited at the kiosk", "case.editChanged": "changed: {parts}", "case.editUnchanged": "certified unchanged", "case.editedLine": "edited at the kiosk",
    "assess.title": "Assess at the general rate", "assess.customsValue": "Customs value (yen)", "assess.rate": "General duty rate (%)", "assess.submit": "Assess line",
    "assess.done": "Assessed by {who}: ¥{value} × {rate} % = ¥{duty}",
    "pay.title": "Payment", "pay.amount": "Amount paid (yen)", "pay.method": "Method", "pay.choose": "Choose…", "pay.cash": "Cash", "pay.creditCard": "Credit card",
    "pay.electronicMoney": "Electronic money", "pay.submit": "Record payment", "pay.done": "Paid ¥{amount} by {method}", "pay.notice": "Duty notice (PDF)",
    "close.title": "Close the case", "close.outcome": "Outcome", "close.note": "Note", "close.submit": "Close case…", "close.confirm": "Close case {n} as “{outcome}”?",
    "close.yes": "Yes, close", "close.no": "Cancel", "close.pending": "Closing case {n} in {s} s.", "close.undo": "Undo", "close.undone": "Closing cancelled.",
    "close.closed": "Case {n} closed: {outcome}.", "close.chooseOutcome": "Choose an outcome first.",
    "outcome.released": "Released", "outcome.inspectedNothingFound": "Inspected — nothing found", "outcome.inspectedFinding": "Inspected — finding recorded",
    "outcome.dutyAssessedAndPaid": "Duty assessed and paid", "outcome.goodsDetained": "Goods detained (receipt)", "outcome.referredToQuarantine": "Referred to quarantine",
    "outcome.referredToPolice": "Referred to police",
    "yes": "yes", "no": "no", "unknown": "—",
    "dash.title": "Supervisor dashboard", "dash.open": "Open cases", "dash.unclaimed": "Unclaimed", "dash.longest": "Longest wait", "dash.median": "Median wait",
    "dash.green": "Green today", "dash.red": "Red today", "dash.perHour": "Passengers per hour by lane", "dash.lanes": "Lane split today", "dash.reasons": "Open referrals by reason",
    "dash.kiosks": "Kiosk fleet", "dash.kiosk": "Kiosk", "dash.status": "Status", "dash.heartbeat": "Last heartbeat", "dash.faults": "Device faults", "dash.command": "Command",
    "dash.noFaults": "none", "dash.online": "Online", "dash.offline": "Offline", "dash.outOfService": "Out of service", "dash.takeOut": "Take out of service",
    "dash.return": "Return to service", "dash.lane.green": "Green lane", "dash.lane.red": "Red lane", "dash.cases": "cases", "dash.updated": "Updated {t}",
    "dash.node": "This service node, last minute", "dash.nodeName": "Node", "dash.nodeDecided": "Decided (green / red)",
    "dash.nodeCalls": "Kiosk and console calls", "dash.nodeP99": "Slowest 1 % of calls above", "dash.nodeKiosks": "Kiosks connected here",
    "dash.nodeOutbox": "Tax-free confirmations waiting",
    "dash.outReason": "Taken out of service from the supervisor dashboard", "dash.commandSent": "Command sent to kiosk {k}.",
    "line.Free": "Within the allowance", "line.LeftOutSmallKind": "Left out (kind ≤ ¥10,000)", "line.Dutiable": "Dutiable (simplified rate)",
    "line.ReferredToOfficer": "Officer assesses (general rate)", "line.NotAssessed": "Not assessed",
  },
  ja: {
    "app.name": "PassengerGate", "nav.officer": "審査官コンソール", "nav.supervisor": "監督者ダッシュボード", "nav.departure": "出国検査コンソール", "nav.audit": "監査記録", "nav.admin": "アカウント",
    "shell.signOut": "サインアウト", "shell.language": "English", "shell.languageLabel": "英語に切り替え", "shell.live": "接続中", "shell.connecting": "接続しています…",
    "shell.reconnecting": "再接続しています…", "shell.disconnected": "切断 — 再試行中",
    "role.officer": "審査官", "role.supervisor": "監督者", "role.administrator": "管理者", "role.departure": "出国",
    "queue.title": "回付キュー", "queue.filters": "絞り込み", "queue.reason": "理由コード", "queue.flight": "便名", "queue.minWait": "待ち時間",
    "queue.anyWait": "指定なし", "queue.minutes": "{n}分以上", "queue.apply": "絞り込む", "queue.empty": "該当する回付はありません。",
    "queue.case": "案件", "queue.name": "氏名", "queue.reasons": "理由", "queue.waiting": "待ち時間", "queue.holder": "担当", "queue.action": "操作",
    "queue.nobody": "なし", "queue.claim": "担当する", "queue.open": "開く", "queue.takeOver": "引き継ぐ", "queue.prev": "前のページ", "queue.next": "次のページ",
    "queue.pageOf": "{page} / {pages} ページ — 未処理 {total} 件", "queue.newReferral": "新しい回付：案件 {n}", "queue.waitMin": "{n}分",
    "case.title": "案件", "case.none": "キューから案件を担当してください。", "case.heldBy": "担当：{who}", "case.release": "キューに戻す",
    "case.document": "旅券", "case.mrz": "MRZ", "case.issuingState": "発行国", "case.nationality": "国籍", "case.dateOfBirth": "生年月日",
    "case.expiry": "有効期限", "case.sex": "性別", "case.chip": "IC チップ", "case.pa": "パッシブ認証", "case.aa": "アクティブ認証", "case.ca": "チップ認証",
    "case.face": "顔照合", "case.score": "スコア", "case.threshold": "しきい値", "case.live": "生体検知", "case.quality": "画質", "case.noFace": "顔照合の結果はありません（照合前に回付）。",
    "case.noDocument": "旅券の結果はありません。", "case.declaration": "申告と税額の算定", "case.noDeclaration": "申告はありません（申告前に回付）。",
    "case.flight": "便名", "case.arrival": "到着日", "case.goods": "品名", "case.quantity": "数量", "case.value": "海外市価", "case.outcome": "結果",
    "case.duty": "税額", "case.reason": "理由", "case.totalDuty": "納付すべき税額", "case.risk": "リスク", "case.riskHits": "該当ルール", "case.riskNone": "該当ルールなし。",
    "case.selected": "無作為抽出", "case.reasonsTitle": "回付理由",
    "case.editedAtKiosk": "事前申告をキオスクで修正", "case.editChanged": "変更箇所：{parts}", "case.editUnchanged": "変更なしで確認", "case.editedLine": "キオスクで修正",
    "assess.title": "一般税率で算定", "assess.customsValue": "課税価格（円）", "assess.rate": "一般税率（％）", "assess.submit": "この品目を算定",
    "assess.done": "{who} が算定：¥{value} × {rate}％ = ¥{duty}",
    "pay.title": "納付", "pay.amount": "納付額（円）", "pay.method": "納付方法", "pay.choose": "選択してください", "pay.cash": "現金", "pay.creditCard": "クレジットカード",
    "pay.electronicMoney": "電子マネー", "pay.submit": "納付を記録", "pay.done": "¥{amount} を{method}で納付済み", "pay.notice": "納付通知書（PDF）",
    "close.title": "案件を終了", "close.outcome": "処理結果", "close.note": "メモ", "close.submit": "案件を終了…", "close.confirm": "案件 {n} を「{outcome}」で終了しますか？",
    "close.yes": "終了する", "close.no": "やめる", "close.pending": "案件 {n} を {s} 秒後に終了します。", "close.undo": "取り消す", "close.undone": "終了を取り消しました。",
    "close.closed": "案件 {n} を終了しました：{outcome}。", "close.chooseOutcome": "処理結果を選んでください。",
    "outcome.released": "通関許可", "outcome.inspectedNothingFound": "検査 — 異常なし", "outcome.inspectedFinding": "検査 — 所見あり",
    "outcome.dutyAssessedAndPaid": "税額決定・納付済み", "outcome.goodsDetained": "物品留置（預り証）", "outcome.referredToQuarantine": "検疫へ引継ぎ",
    "outcome.referredToPolice": "警察へ引継ぎ",
    "yes": "はい", "no": "いいえ", "unknown": "—",
    "dash.title": "監督者ダッシュボード", "dash.open": "未処理案件", "dash.unclaimed": "未担当", "dash.longest": "最長待ち時間", "dash.median": "待ち時間（中央値）",
    "dash.green": "本日の緑", "dash.red": "本日の赤", "dash.perHour": "時間帯別の旅客数（レーン別）", "dash.lanes": "本日のレーン別", "dash.reasons": "未処理回付の理由",
    "dash.kiosks": "キオスク", "dash.kiosk": "キオスク", "dash.status": "状態", "dash.heartbeat": "最終ハートビート", "dash.faults": "機器の異常", "dash.command": "操作",
    "dash.noFaults": "なし", "dash.online": "オンライン", "dash.offline": "オフライン", "dash.outOfService": "休止中", "dash.takeOut": "休止にする",
    "dash.return": "運用に戻す", "dash.lane.green": "緑レーン", "dash.lane.red": "赤レーン", "dash.cases": "件", "dash.updated": "{t} 更新",
    "dash.node": "このサーバーノード（直近1分）", "dash.nodeName": "ノード", "dash.nodeDecided": "判定数（緑 / 赤）",
    "dash.nodeCalls": "キオスク・端末からの呼出し", "dash.nodeP99": "遅い方から1%の呼出しの境目", "dash.nodeKiosks": "このノードに接続中のキオスク",
    "dash.nodeOutbox": "送信待ちの免税確認",
    "dash.outReason": "監督者ダッシュボードから休止", "dash.commandSent": "キオスク {k} に指示を送りました。",
    "line.Free": "免税範囲内", "line.LeftOutSmallKind": "1万円以下の品目（免税）", "line.Dutiable": "課税（簡易税率）",
    "line.ReferredToOfficer": "審査官が一般税率で算定", "line.NotAssessed": "算定不可",
  },
};

export let lang = localStorage.getItem("pgate.lang") === "ja" ? "ja" : (localStorage.getItem("pgate.lang") ? "en" : (navigator.language || "en").startsWith("ja") ? "ja" : "en");

export function t(key, vars = {}) {
  const text = catalogue[lang][key] ?? catalogue.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** Fills every [data-i18n] element's text (and [data-i18n-label] aria-labels) under root. */
export function translate(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
}

export function setLanguage(next) {
  lang = next === "ja" ? "ja" : "en";
  localStorage.setItem("pgate.lang", lang);
}

export function yen(n) {
  return new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: 0 }).format(n);
}
