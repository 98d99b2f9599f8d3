// Red-lane tax-free inspection on the departure console (decision 0021, "Red-lane inspection"): records a red
// departure check left open, each item with its identifying details to compare, marked present or missing, then
// closed; an assessment's notice (PDF) and the payment under it. Live over the page's /hubs/departure connection.
import { lang } from "/console/i18n.js";
import { errorText, el } from "/console/shell.js";

const words = {
  en: {
    heading: "Tax-free red-lane inspection", none: "No records to inspect.", record: "Record", traveller: "Traveller", purchased: "Purchased",
    regime: "Regime", refund: "Refund (from 2026-11-01)", exemption: "Exemption (up to 2026-10-31)", item: "Item", qty: "Qty", unitPrice: "Unit price",
    details: "Brand / model / serial", mark: "Found", present: "Present", missing: "Missing", unmarked: "Not marked", close: "Close inspection",
    confirmed: "Export confirmed", refused: "Refused: item missing", assessed: "Consumption tax assessed", totalTax: "Tax assessed",
    notice: "Notice of assessment (PDF)", method: "Paid by", cash: "Cash", creditCard: "Credit card", electronicMoney: "Electronic money",
    receiptNo: "Receipt No.", recordPayment: "Record payment", paid: "Paid", open: "Open",
  },
  ja: {
    heading: "免税品の検査（赤レーン）", none: "検査する購入記録はありません。", record: "購入記録", traveller: "旅行者", purchased: "購入日",
    regime: "制度", refund: "リファンド方式（2026-11-01以降）", exemption: "免税販売（2026-10-31まで）", item: "品名", qty: "数量", unitPrice: "単価",
    details: "銘柄・型番・製造番号", mark: "確認", present: "あり", missing: "なし", unmarked: "未確認", close: "検査を終了",
    confirmed: "輸出確認済み", refused: "不承認：物品なし", assessed: "消費税を賦課", totalTax: "賦課税額",
    notice: "賦課決定通知書（PDF）", method: "納付方法", cash: "現金", creditCard: "クレジットカード", electronicMoney: "電子マネー",
    receiptNo: "領収番号", recordPayment: "納付を記録", paid: "納付済み", open: "検査中",
  },
};
const w = key => (words[lang] || words.en)[key] || words.en[key] || key;
const yen = n => "¥" + Number(n).toLocaleString("en-US");
const key = i => `${i.shopId}/${i.recordId}`;

export function attachInspections(connection, announce) {
  const inspections = new Map();

  const fail = (section, err) => { section.querySelector("[role=alert]").textContent = errorText(err); };

  async function call(section, method, request) {
    try { update(await connection.invoke(method, request)); } catch (err) { fail(section, err); }
  }

  function itemRow(inspection, item, open, section) {
    const details = [item.brand, item.model, item.serial].filter(Boolean).join(" / ");
    const mark = item.mark ? w(item.mark) : w("unmarked");
    const buttons = open ? ["present", "missing"].map(m => el("button", {
      type: "button", dataset: { mark: m }, "aria-pressed": String(item.mark === m),
      "aria-label": `${w(m)}: ${item.description}`,
      onclick: () => call(section, "MarkItem", { shopId: inspection.shopId, recordId: inspection.recordId, itemIndex: item.index, mark: m }),
    }, w(m))) : [];
    return el("tr", { dataset: { item: String(item.index), mark: item.mark ?? "" } },
      el("td", {}, item.description), el("td", { className: "num" }, String(item.quantity)), el("td", { className: "num" }, yen(item.unitPrice)),
      el("td", { className: "details" }, details || "-"), el("td", { className: "mark" }, mark), el("td", {}, ...buttons));
  }

  function render() {
    const list = document.getElementById("inspections");
    const all = [...inspections.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    list.replaceChildren(...all.map(i => {
      const open = i.result === null || i.result === undefined;
      const section = el("article", { className: "inspection", dataset: { record: i.recordId, shop: i.shopId, result: i.result ?? "" } });
      const parts = [
        el("h3", {}, `${w("record")} ${i.recordId} (${i.shopId}) — ${open ? w("open") : w(i.result)}`),
        el("p", {}, `${w("traveller")}: ${i.nationality} ${i.passportNumber} · ${w("purchased")}: ${i.purchaseDay} · ${w("regime")}: ${w(i.regime)} · ${yen(i.totalYen)}`),
        el("table", { className: "items" },
          el("thead", {}, el("tr", {}, ...["item", "qty", "unitPrice", "details", "mark", ""].map(k => el("th", { scope: "col" }, k ? w(k) : "")))),
          el("tbody", {}, ...i.items.map(item => itemRow(i, item, open, section)))),
      ];
      if (open) parts.push(el("button", { type: "button", className: "close", onclick: () => call(section, "CloseInspection", { shopId: i.shopId, recordId: i.recordId }) }, w("close")));
      const a = i.assessment;
      if (a) {
        parts.push(el("p", { className: "assessment" }, `${a.number} · ${w("totalTax")}: ${yen(a.totalTax)} `, el("a", { href: a.notice, className: "notice" }, w("notice"))));
        if (a.payment) {
          parts.push(el("p", { className: "payment" }, `${w("paid")}: ${yen(a.payment.amountYen)} · ${w(a.payment.method)}${a.payment.receiptNumber ? " · " + a.payment.receiptNumber : ""}`));
        } else {
          const method = el("select", { className: "method" }, ...["cash", "creditCard", "electronicMoney"].map(m => el("option", { value: m }, w(m))));
          const receipt = el("input", { className: "receipt", maxLength: 100 });
          parts.push(el("form", { className: "pay", onsubmit: e => { e.preventDefault(); call(section, "RecordTaxPayment", { assessmentId: a.id, method: method.value, receiptNumber: receipt.value || null }); } },
            el("label", {}, w("method"), " ", method), el("label", {}, w("receiptNo"), " ", receipt), el("button", { type: "submit" }, w("recordPayment"))));
        }
      }
      parts.push(el("p", { role: "alert" }));
      section.append(...parts);
      return section;
    }));
    document.getElementById("no-inspections").hidden = all.length > 0;
    document.getElementById("inspection-count").textContent = String([...inspections.values()].filter(i => !i.result).length);
  }

  function update(view) {
    inspections.set(key(view), view);
    render();
  }

  connection.on("InspectionChanged", view => {
    update(view);
    announce(`${view.recordId}: ${view.result ? w(view.result) : w("open")}`);
  });

  return {
    // Closed inspections stay on screen (their notice, their payment) until the page reloads the list.
    async load() {
      const open = await connection.invoke("GetInspections");
      for (const [k, v] of inspections) if (!v.result) inspections.delete(k);
      for (const v of open) inspections.set(key(v), v);
      render();
    },
    translate() {
      for (const node of document.querySelectorAll("[data-t]")) node.textContent = w(node.dataset.t);
      render();
    },
  };
}
