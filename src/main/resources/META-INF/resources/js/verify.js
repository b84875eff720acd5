/*
 * Undersigned: recounts a letter's signatures in the reader's browser, from the public log alone.
 *
 * It shares no code with the server; every format is read as its specification defines it:
 *   C2SP signed-note      https://c2sp.org/signed-note      (verifier keys, key IDs, signature lines)
 *   C2SP tlog-checkpoint  https://c2sp.org/tlog-checkpoint  (origin, tree size, root hash)
 *   C2SP tlog-tiles       https://c2sp.org/tlog-tiles       (entry bundles and their paths)
 *   RFC 9162 §2.1.1       the Merkle tree hash (identical to RFC 6962 §2.1)
 * Hashes and signatures are computed by the browser's own WebCrypto (crypto.subtle).
 */
"use strict";
(function () {
  const section = document.getElementById("verifier");
  if (!section || !section.dataset.slug) {
    return;
  }
  const slug = section.dataset.slug;
  // The origin of this letter's log, which is also its key name: the host the reader sees, not one the server says.
  const origin = location.host + "/log/" + slug;
  const utf8 = new TextEncoder();
  let rotations = []; // the key rotations the site lists, as checked: { index, statement }
  // Witness keys come from the reader (the address's fragment, which never reaches the server), never from the site:
  // #witness=<name+keyID+key>&witness=...&quorum=<n>; '+' may arrive as a space, which no key contains.
  // ask=<witness URL> (repeatable): a witness asked directly for the latest checkpoint it cosigned.
  const fragment = new URLSearchParams(location.hash.slice(1));
  const witnessKeys = fragment.getAll("witness").map((k) => k.trim().replace(/ /g, "+")).filter((k) => k);
  const quorum = fragment.has("quorum") ? Number(fragment.get("quorum")) : witnessKeys.length;
  const asked = witnessKeys.length ? fragment.getAll("ask").map((u) => u.trim().replace(/\/+$/, "")).filter((u) => u) : [];
  // The words it writes, in the page's language: the page gives them (#verify-words, from its message bundle
  // web.VerifyLogMessages, VerifyCountMessages); these English ones stand in for any it does not give.
  const WORDS = Object.assign({
    stepKey: "The log's public key",
    stepSignature: "The checkpoint's signature",
    stepWitnesses: "The witnesses' cosignatures",
    stepEntries: "The entries",
    stepRoot: "The Merkle root",
    stepAsked: "The witnesses' own view",
    stepCount: "The count",
    stepThread: "The thread's revisions",
    ok: "OK",
    fail: "FAIL",
    skipped: "skipped",
    waiting: "waiting",
    checking: "Checking…",
    thePublicKey: "the public key",
    aSignature: "a signature",
    theRootHash: "the root hash",
    aWitnessKey: "a witness key",
    theSitesRootHash: "the site's root hash",
    theCheckpoint: "the checkpoint",
    theLatestCheckpoint: "the latest checkpoint",
    theWitnessCheckpoint: "the checkpoint the witness at {url} gave",
    notBase64: "{what} is not valid base64",
    notFetched: "{path} could not be fetched ({error})",
    answeredHttp: "{path} answered HTTP {status}",
    noKey: "no key named {origin} is published",
    keyOk: "Key {id} of {origin}: its ID is derived from its name and public key.",
    keyRotated: " The log's key rotated to {keys}, each by a statement signed by the old key and the new one.",
    thenKey: ", then ",
    keyNotNamed: "the key {key} is not named {origin}",
    keyIdNotHex: "the key ID of {origin} is not 8 hex digits",
    notEd25519: "the key is not an Ed25519 key (signature type 0x01 and 32 bytes)",
    keyIdNotDerived: "the published key ID {id} is not the one derived from the name and key ({derived})",
    notRotation: "a key rotation the site lists is not a rotation statement",
    rotationNotOfKey: "a key rotation the site lists does not rotate the log's key {id}",
    rotationUnsigned: "the rotation of the log's key from {from} to {to} is not signed by both keys",
    noEd25519: "this browser cannot check Ed25519 signatures ({error}); use the offline verifier",
    notWitnessedYet: "no checkpoint of this log has been cosigned by the site's witnesses yet",
    checkpointHttp: "the checkpoint answered HTTP {status}",
    signatureOk: "Tree size {size}, root {root}, signed with key {key}.",
    notUtf8: "{what} is not UTF-8 text",
    notNote: "{what} is not a signed note",
    wrongOrigin: "{what} is for '{found}', not for {origin}",
    sizeNotNumber: "the tree size line '{line}' is not a decimal number",
    rootNot32: "the root hash is not 32 bytes",
    badSignatureLine: "malformed signature line '{line}'",
    signatureMismatch: "the Ed25519 signature does not match the text of {what}",
    noSignature: "{what} carries no signature by {origin} with key {key}",
    badQuorum: "the quorum {quorum} is not between 1 and the {keys} keys given",
    tooFewWitnesses: "only {count} of the required {quorum} witnesses cosigned this checkpoint",
    witnessesOk: "Cosigned by {count} of the {keys} witnesses you gave ({names}), quorum {quorum}.",
    notWitnessKey: "'{key}' is not a witness key (name+key ID+base64 of 0x04 and 32 bytes)",
    witnessKeyId: "the key ID of witness {name} is not derived from its name and key",
    endsInLength: "{path} ends in the middle of a length",
    endsInEntry: "{path} ends in the middle of an entry",
    wrongBundleSize: "{path} holds {got} entries instead of {width}",
    downloaded: "downloaded {n} of {total} bundles",
    entriesOkOne: "{size} entries downloaded in 1 bundle.",
    entriesOk: "{size} entries downloaded in {bundles} bundles.",
    rootMismatch: "the entries hash to {got}, not to the signed root {root}: the entries are not the ones the checkpoint commits to",
    rootOk: "The entries hash to the signed root {root}.",
    notAsked: "the witness at {url} could not be asked ({error})",
    witnessHttp: "the witness at {url} answered HTTP {status}",
    noCosignature: "the checkpoint the witness at {url} gave carries no cosignature by any of your witness keys",
    forkAhead: "FORK: {witness} cosigned tree size {size}, but this site's latest checkpoint has {latest} entries",
    forkRoot: "FORK: {witness} cosigned tree size {size} with root {root}, but this site's first {size} entries hash to another root: the site shows another history than it showed the witness",
    seenAt: "{witness} at tree size {size}",
    askedOk: "What the witnesses last cosigned is part of this log: {seen}.",
    entryNotJson: "entry {i} is not JSON",
    entryNotV1: "entry {i} is not a version 1 entry about this letter",
    rotationsDiffer: "the log holds {logged} key rotations, the site lists {listed}, and they are not the same statements at the same entries",
    wrongSigner: "the checkpoint is not signed by the key in effect at its size (the log rotated {count} times)",
    witnessedCountDiffers: "the entries give {n} live signers at the witnessed checkpoint, but the site published {total} for it",
    newerOne: "1 live signer at the witnessed tree size {size}; the site's count ({total}) is of a newer tree, which the witnesses have not cosigned yet.",
    newer: "{n} live signers at the witnessed tree size {size}; the site's count ({total}) is of a newer tree, which the witnesses have not cosigned yet.",
    refetched: "The site's count was at tree size {was}, not {size}; fetched it again. ",
    stillOther: "It is now at tree size {now}: reload this page to verify the newer checkpoint.",
    otherTree: "the site counted a different tree of the same size (root {root})",
    countDiffers: "the entries give {n} live signers, but the site shows {total}",
    countOkOne: "1 live signer after replaying {entries} entries, the same as the site shows.",
    countOk: "{n} live signers after replaying {entries} entries, the same as the site shows.",
    missingRevision: "revision {revision} of '{entry}' (SHA-256 {sha})",
    missingRetraction: "the retraction of '{entry}'",
    threadMissing: "not in the log at tree size {size}: {missing} (if the thread changed while this ran, reload the page)",
    revisionOne: "1 revision",
    revisions: "{n} revisions",
    retractionOne: "1 retraction",
    retractions: "{n} retractions",
    threadOk: "{revisions} and {retractions} of the thread are in the log; the current revisions' SHA-256 recomputed from the thread.",
    noCheckpoint: "There is no checkpoint yet: nothing has been logged.",
    logEmpty: "the log is empty",
    emptyButCount: "the log is empty, but the site shows {total} signatures",
    siteShowsNone: "The site shows no signatures either.",
    noneLogged: "No signatures have been logged yet.",
    noneLoggedSigned: "No signatures have been logged yet: the log's signed checkpoint says so.",
    signatureOne: "1 signature",
    signatures: "{n} signatures",
    verified: "Verified: {signatures} at tree size {size}, checkpoint signed by {origin} (key {key}).",
    verifiedWitnessed: "Verified: {signatures} at tree size {size}, checkpoint signed by {origin} (key {key}) and cosigned by {quorum} or more of your witnesses.",
    unexpected: "unexpected error: {error}",
    notChecked: "not checked after the failure",
    failedAt: "Verification FAILED at step {step} ({name}): {message}",
  }, pageWords());
  const STEPS = [
    ["key", t("stepKey")],
    ["signature", t("stepSignature")],
    ...(witnessKeys.length ? [["witnesses", t("stepWitnesses")]] : []),
    ["entries", t("stepEntries")],
    ["root", t("stepRoot")],
    ...(asked.length ? [["asked", t("stepAsked")]] : []),
    ["count", t("stepCount")],
    ["thread", t("stepThread")],
  ];
  const LABELS = { pending: "…", ok: t("ok"), fail: t("fail"), skipped: t("skipped") };

  function pageWords() {
    try {
      return JSON.parse(document.getElementById("verify-words")?.textContent || "{}");
    } catch (e) {
      return {};
    }
  }

  /** The words of a message, each {name} in them filled with args[name]. */
  function t(key, args = {}) {
    return (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (all, name) => (name in args ? String(args[name]) : all));
  }

  /** One of two messages by a count: the first for exactly one. */
  const plural = (n, one, many, args = {}) => t(n === 1 ? one : many, { n, ...args });

  /** A check that did not hold; its message is shown to the reader. */
  class Failure extends Error {}
  const fail = (message) => { throw new Failure(message); };

  // ---- Bytes ---------------------------------------------------------------------------------------------------

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  function base64(text, what) {
    if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
      fail(t("notBase64", { what }));
    }
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }

  async function get(path, as, fresh) {
    let response;
    try {
      response = await fetch(path, fresh ? { cache: "no-store" } : {});
    } catch (e) {
      fail(t("notFetched", { path, error: e.message }));
    }
    if (!response.ok) {
      fail(t("answeredHttp", { path, status: response.status }));
    }
    return as === "json" ? response.json() : as === "text" ? response.text()
      : new Uint8Array(await response.arrayBuffer());
  }

  // ---- The list of steps on the page ----------------------------------------------------------------------------

  const list = document.createElement("ol");
  list.className = "steps";
  const items = {};
  for (const [id, title] of STEPS) {
    const li = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = title;
    li.dataset.step = id;
    li.append(span("state"), " ", name, " ", span("detail"));
    items[id] = list.appendChild(li);
    show(id, "pending", t("waiting"));
  }
  const verdict = document.createElement("p");
  verdict.id = "verdict";
  verdict.setAttribute("role", "status");
  verdict.dataset.state = "pending";
  verdict.textContent = t("checking");
  document.getElementById("verify-nojs")?.remove();
  section.append(list, verdict);
  // the offline command, with this site's address filled in
  document.getElementById("public-url").textContent = location.origin;
  document.getElementById("public-url-note").remove();

  function span(className) {
    return Object.assign(document.createElement("span"), { className });
  }

  function show(id, state, detail) {
    const li = items[id];
    li.dataset.state = state;
    li.querySelector(".state").textContent = LABELS[state];
    li.querySelector(".detail").textContent = detail;
  }

  // ---- a. The verifier key --------------------------------------------------------------------------------------

  async function checkKey() {
    const text = await get("/.well-known/undersigned/keys", "text", true);
    // signed-note §Verifier keys: <name>+<hex key ID>+<base64(type ‖ key)>; base64 may hold '+', names may not.
    // A log whose key rotated has a line per key, oldest first: the first is the key the log began with.
    const line = text.split("\n").find((l) => l.startsWith(origin + "+"));
    if (!line) {
      fail(t("noKey", { origin }));
    }
    const first = await parseKey(line);
    const keys = await keyChain(first);
    const last = keys[keys.length - 1];
    show("key", "ok", t("keyOk", { id: first.id, origin })
      + (keys.length > 1 ? t("keyRotated", { keys: keys.slice(1).map((k) => k.id).join(t("thenKey")) }) : ""));
    return keys;
  }

  /** A verifier key of this log, its key ID checked. */
  async function parseKey(line) {
    if (!line.startsWith(origin + "+")) {
      fail(t("keyNotNamed", { key: line, origin }));
    }
    const rest = line.slice(origin.length + 1);
    if (!/^[0-9a-f]{8}\+/.test(rest)) {
      fail(t("keyIdNotHex", { origin }));
    }
    const id = rest.slice(0, 8);
    const typed = base64(rest.slice(9), t("thePublicKey"));
    if (typed.length !== 33 || typed[0] !== 0x01) {
      fail(t("notEd25519"));
    }
    // signed-note §Verifier keys: key ID = first 4 bytes of SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key)
    const derived = hex((await sha256(concat(utf8.encode(origin), [0x0a], typed))).slice(0, 4));
    if (derived !== id) {
      fail(t("keyIdNotDerived", { id, derived }));
    }
    return { id, publicKey: typed.slice(1), text: line };
  }

  /**
   * The log's key rotations, from the site's list: each statement ("undersigned/key-rotation/v1", the old key, the
   * new key) is signed by both keys and rotates away from the key the one before rotated to; the key the log began
   * with must be the first. That each statement is an entry of the log is checked with the entries.
   */
  async function keyChain(first) {
    const served = (await get("/log/" + slug + "/key-rotations", "json", true)).rotations;
    const keys = [first];
    rotations = [];
    for (const r of served) {
      const split = r.statement.indexOf("\n\n");
      const said = split < 0 ? [] : r.statement.slice(0, split).split("\n");
      if (said.length !== 3 || said[0] !== "undersigned/key-rotation/v1") {
        fail(t("notRotation"));
      }
      const old = keys[keys.length - 1];
      if (said[1] !== old.text) {
        fail(t("rotationNotOfKey", { id: old.id }));
      }
      const next = await parseKey(said[2]);
      const body = r.statement.slice(0, split + 1);
      const lines = r.statement.slice(split + 2, -1).split("\n");
      if (!(await signs(old, body, lines)) || !(await signs(next, body, lines))) {
        fail(t("rotationUnsigned", { from: old.id, to: next.id }));
      }
      keys.push(next);
      rotations.push({ index: r.index, statement: r.statement });
    }
    return keys;
  }

  /** Whether one of the signature lines is the key's valid signature over the note text. */
  async function signs(key, body, lines) {
    for (const sigLine of lines) {
      const m = /^\u2014 (\S+) (\S+)$/.exec(sigLine);
      const raw = m && m[1] === origin ? base64(m[2], t("aSignature")) : null;
      if (raw && raw.length === 68 && hex(raw.slice(0, 4)) === key.id) {
        return verifies(key, raw.slice(4), body);
      }
    }
    return false;
  }

  async function verifies(key, signature, body) {
    let publicKey;
    try {
      publicKey = await crypto.subtle.importKey("raw", key.publicKey, { name: "Ed25519" }, false, ["verify"]);
    } catch (e) {
      fail(t("noEd25519", { error: e.message }));
    }
    return crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature, utf8.encode(body));
  }

  // ---- b. The signed checkpoint ---------------------------------------------------------------------------------

  async function checkCheckpoint(keys) {
    const path = "/log/" + slug + (witnessKeys.length ? "/checkpoint/witnessed" : "/checkpoint");
    const response = await fetch(path, { cache: "no-store" });
    if (response.status === 404 && witnessKeys.length) {
      fail(t("notWitnessedYet"));
    }
    if (response.status === 404) {
      return null; // no checkpoint yet: nothing has been logged
    }
    if (!response.ok) {
      fail(t("checkpointHttp", { status: response.status }));
    }
    const note = await parseNote(await response.arrayBuffer(), keys, t("theCheckpoint"));
    show("signature", "ok", t("signatureOk", { size: note.size, root: note.rootText, key: keys[note.signer].id }));
    return note;
  }

  /** A signed note holding a checkpoint of this log, with the log's signature checked; "what" names it in failures. */
  async function parseNote(bytes, keys, what) {
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);    } catch (e) {
      fail(t("notUtf8", { what }));
    }
    // signed-note §Format: the text (ending in a newline), a blank line, then one or more signature lines
    const blank = text.indexOf("\n\n");
    if (blank < 0 || !text.endsWith("\n")) {
      fail(t("notNote", { what }));
    }
    const body = text.slice(0, blank + 1);
    // tlog-checkpoint §Note text: origin, tree size in decimal, base64 root hash, then optional extension lines
    const lines = body.slice(0, -1).split("\n");
    if (lines.length < 3 || lines[0] !== origin) {
      fail(t("wrongOrigin", { what, found: lines[0], origin }));
    }
    if (!/^(0|[1-9][0-9]*)$/.test(lines[1]) || !Number.isSafeInteger(Number(lines[1]))) {
      fail(t("sizeNotNumber", { line: lines[1] }));
    }
    const root = base64(lines[2], t("theRootHash"));
    if (root.length !== 32) {
      fail(t("rootNot32"));
    }
    // signed-note §Signatures: "— <key name> <base64(4-byte key ID ‖ signature)>"; other keys' lines are ignored
    // any key of the log may have signed it: the latest that did is the one checked against the entries
    let signer = -1;
    const others = [];
    for (const sigLine of text.slice(blank + 2, -1).split("\n")) {
      const m = /^\u2014 (\S+) (\S+)$/.exec(sigLine);
      if (!m) {
        fail(t("badSignatureLine", { line: sigLine }));
      }
      const raw = base64(m[2], t("aSignature"));
      const k = m[1] === origin && raw.length === 68 ? keys.findIndex((key) => key.id === hex(raw.slice(0, 4))) : -1;
      if (k < 0) {
        others.push({ name: m[1], raw });
      } else if (!(await verifies(keys[k], raw.slice(4), body))) {
        fail(t("signatureMismatch", { what }));
      } else {
        signer = Math.max(signer, k);
      }
    }
    if (signer < 0) {
      fail(t("noSignature", { what, origin, key: keys[keys.length - 1].id }));
    }
    return { size: Number(lines[1]), root, rootText: lines[2], body, others, signer };
  }

  // ---- b'. The witnesses' cosignatures (only with witness keys in the fragment) ----------------------------------

  async function checkWitnesses(checkpoint) {
    if (!Number.isInteger(quorum) || quorum < 1 || quorum > witnessKeys.length) {
      fail(t("badQuorum", { quorum: fragment.get("quorum"), keys: witnessKeys.length }));
    }
    const by = await cosigners(checkpoint);
    if (by.length < quorum) {
      fail(t("tooFewWitnesses", { count: by.length, quorum }) + (by.length ? " (" + by.join(", ") + ")" : ""));
    }
    show("witnesses", "ok", t("witnessesOk", { count: by.length, keys: witnessKeys.length, names: by.join(", "), quorum }));
  }

  /** The names of the witnesses given whose cosignature on the checkpoint verifies. */
  async function cosigners(checkpoint) {
    const by = [];
    for (const text of witnessKeys) {
      const m = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text);
      const typed = m ? base64(m[3], t("aWitnessKey")) : null;
      if (!m || typed.length !== 33 || typed[0] !== 0x04) {
        fail(t("notWitnessKey", { key: text }));
      }
      // tlog-cosignature §Format: key ID = SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4]
      if (hex((await sha256(concat(utf8.encode(m[1]), [0x0a], typed))).slice(0, 4)) !== m[2]) {
        fail(t("witnessKeyId", { name: m[1] }));
      }
      const publicKey = await crypto.subtle.importKey("raw", typed.slice(1), { name: "Ed25519" }, false, ["verify"]);
      for (const line of checkpoint.others) {
        if (line.name !== m[1] || line.raw.length !== 76 || hex(line.raw.slice(0, 4)) !== m[2]) {
          continue;
        }
        // tlog-cosignature: 8-byte big-endian timestamp, then Ed25519 over "cosignature/v1\ntime <t>\n" ‖ the text
        const time = new DataView(line.raw.buffer, line.raw.byteOffset + 4, 8).getBigUint64(0);
        const message = utf8.encode("cosignature/v1\ntime " + time + "\n" + checkpoint.body);
        if (await crypto.subtle.verify({ name: "Ed25519" }, publicKey, line.raw.slice(12), message)) {
          by.push(m[1]);
          break;
        }
      }
    }
    return by;
  }

  // ---- c. The entries -------------------------------------------------------------------------------------------

  /** tlog-tiles §Tile paths: the index in groups of three digits, all but the last prefixed with "x". */
  function tileIndex(n) {
    let digits = String(n);
    digits = "0".repeat((3 - (digits.length % 3)) % 3) + digits;
    const groups = digits.match(/.{3}/g);
    return groups.map((g, i) => (i < groups.length - 1 ? "x" : "") + g).join("/");
  }

  /** tlog-tiles §Log entries: a bundle is a sequence of (big-endian uint16 length, entry bytes). */
  function entriesOf(bytes, path) {
    const entries = [];
    for (let at = 0; at < bytes.length;) {
      if (at + 2 > bytes.length) {
        fail(t("endsInLength", { path }));
      }
      const length = (bytes[at] << 8) | bytes[at + 1];
      if (at + 2 + length > bytes.length) {
        fail(t("endsInEntry", { path }));
      }
      entries.push(bytes.subarray(at + 2, at + 2 + length));
      at += 2 + length;
    }
    return entries;
  }

  async function fetchEntries(size, step = "entries") {
    const full = Math.floor(size / 256);
    const bundles = full + (size % 256 ? 1 : 0);
    const entries = [];
    for (let n = 0; n < bundles; n++) {
      // bundle N holds entries 256·N to 256·N+255; the last, partial one is <N>.p/<width>
      const width = n < full ? 256 : size % 256;
      const whole = "/log/" + slug + "/tile/entries/" + tileIndex(n);
      const path = whole + (width < 256 ? ".p/" + width : "");
      let got;
      try {
        got = entriesOf(await get(path, "bytes"), path);
      } catch (e) {
        if (width === 256) {
          throw e;
        }
        // tlog-tiles §Partial Tiles: once the log has grown past it, a partial bundle may be gone; the full one has it
        got = entriesOf(await get(whole, "bytes"), whole).slice(0, width);
      }
      if (got.length !== width) {
        fail(t("wrongBundleSize", { path, got: got.length, width }));
      }
      entries.push(...got);
      show(step, "pending", t("downloaded", { n: n + 1, total: bundles }));
    }
    if (step === "entries") {
      show("entries", "ok", t(bundles === 1 ? "entriesOkOne" : "entriesOk", { size, bundles }));
    }
    return entries;
  }

  // ---- d. The Merkle root ---------------------------------------------------------------------------------------

  /**
   * RFC 9162 §2.1.1: MTH({d0}) = SHA-256(0x00 ‖ d0), and for n > 1 entries
   * MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), k the largest power of two smaller than n.
   */
  async function treeHash(leaves, from, to) {
    if (to === from) {
      return sha256(new Uint8Array(0)); // RFC 9162 §2.1.1: MTH({}) = SHA-256(), the empty log's root
    }
    if (to - from === 1) {
      return leaves[from];
    }
    let k = 1;
    while (k * 2 < to - from) {
      k *= 2;
    }
    const [left, right] = await Promise.all([treeHash(leaves, from, from + k), treeHash(leaves, from + k, to)]);
    return sha256(concat([0x01], left, right));
  }

  async function checkRoot(entries, checkpoint) {
    const leaves = await Promise.all(entries.map((e) => sha256(concat([0x00], e))));
    const root = await treeHash(leaves, 0, leaves.length);
    if (!equal(root, checkpoint.root)) {
      fail(t("rootMismatch", { got: btoa(String.fromCharCode(...root)), root: checkpoint.rootText }));
    }
    show("root", "ok", t("rootOk", { root: checkpoint.rootText }));
    return leaves;
  }

  // ---- d'. The witnesses' own view (only with witness addresses in the fragment) ----------------------------------

  /**
   * Each witness asked (witness/Witness.java's GET /checkpoint?origin=) gives the latest checkpoint it cosigned,
   * without going through this site: it must be a prefix of the tree this site serves, or the site has shown the
   * witnesses another history than it shows its readers (a fork).
   */
  async function checkAsked(keys, checkpoint, leaves) {
    const seen = [];
    for (const url of asked) {
      const address = url + "/checkpoint?origin=" + encodeURIComponent(origin);
      let response;
      try {
        response = await fetch(address, { cache: "no-store" });
      } catch (e) {
        fail(t("notAsked", { url, error: e.message }));
      }
      if (!response.ok) {
        fail(t("witnessHttp", { url, status: response.status }));
      }
      const note = await parseNote(await response.arrayBuffer(), keys, t("theWitnessCheckpoint", { url }));
      const by = await cosigners(note);
      if (!by.length) {
        fail(t("noCosignature", { url }));
      }
      let prefix = leaves;
      if (note.size > checkpoint.size) { // the witness is ahead of the checkpoint checked: read the latest tree
        const latest = await parseNote(await get("/log/" + slug + "/checkpoint", "bytes", true), keys,
          t("theLatestCheckpoint"));
        if (latest.size < note.size) {
          fail(t("forkAhead", { witness: by[0], size: note.size, latest: latest.size }));
        }
        const entries = await fetchEntries(note.size, "asked");
        prefix = await Promise.all(entries.map((e) => sha256(concat([0x00], e))));
      }
      if (!equal(await treeHash(prefix, 0, note.size), note.root)) {
        fail(t("forkRoot", { witness: by[0], size: note.size, root: note.rootText }));
      }
      seen.push(t("seenAt", { witness: by[0], size: note.size }));
    }
    show("asked", "ok", t("askedOk", { seen: seen.join("; ") }));
  }

  // ---- e. The count ---------------------------------------------------------------------------------------------

  async function recount(entries, checkpoint) {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const live = new Set();
    const logged = [];
    entries.forEach((bytes, i) => {
      let e;
      try {
        e = JSON.parse(decoder.decode(bytes));
      } catch (err) {
        fail(t("entryNotJson", { i }));
      }
      if (!e || e.v !== 1 || e.letter !== slug) {
        fail(t("entryNotV1", { i }));
      }
      if (e.type === "signature" || e.type === "reaffirmation") {
        live.add(e.signer); // the signer counts
      } else if (e.type === "withdrawal" || e.type === "invalidation") {
        live.delete(e.signer); // the signer no longer counts
      } else if (e.type === "key-rotation") {
        logged.push({ index: i, statement: e.statement });
      } // other entries (such as evidence) do not change the count
    });
    // every rotation is on the record, and the checkpoint is signed by the key in effect at its size
    const served = rotations.filter((r) => r.index < checkpoint.size);
    if (JSON.stringify(logged) !== JSON.stringify(served)) {
      fail(t("rotationsDiffer", { logged: logged.length, listed: served.length }));
    }
    if (checkpoint.signer !== served.length) {
      fail(t("wrongSigner", { count: served.length }));
    }
    const n = live.size;
    const countPath = "/api/letters/" + slug + "/count";
    let site = await get(countPath, "json", true);
    const w = site.witnessed;
    if (witnessKeys.length && w && w.size === checkpoint.size && w.total !== null && w.total !== n) {
      fail(t("witnessedCountDiffers", { n, total: w.total }));
    }
    if (witnessKeys.length && (!site.checkpoint || site.checkpoint.size !== checkpoint.size)) {
      show("count", "ok", plural(n, "newerOne", "newer", { size: checkpoint.size, total: site.total }));
      return n;
    }
    let note = "";
    if (!site.checkpoint || site.checkpoint.size !== checkpoint.size) {
      note = t("refetched", { was: site.checkpoint ? site.checkpoint.size : 0, size: checkpoint.size });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      site = await get(countPath, "json", true);
      if (!site.checkpoint || site.checkpoint.size !== checkpoint.size) {
        fail(note + t("stillOther", { now: site.checkpoint ? site.checkpoint.size : 0 }));
      }
    }
    if (!equal(base64(site.checkpoint.rootHash, t("theSitesRootHash")), checkpoint.root)) {
      fail(t("otherTree", { root: site.checkpoint.rootHash }));
    }
    if (site.total !== n) {
      fail(t("countDiffers", { n, total: site.total }));
    }
    show("count", "ok", note + plural(n, "countOkOne", "countOk", { entries: entries.length }));
    return n;
  }

  // ---- f. The thread --------------------------------------------------------------------------------------------

  /**
   * Every revision the thread API lists is a thread-revision entry of the log with the SHA-256 it lists, the current
   * revision's recomputed here from its content; every retraction is a thread-retraction entry.
   */
  async function checkThread(entries, checkpoint) {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const logged = new Set();
    entries.forEach((bytes) => {
      const e = JSON.parse(decoder.decode(bytes));
      if (e.type === "thread-revision") {
        logged.add(e.entry + " revision " + e.revision + " " + e.sha256);
      } else if (e.type === "thread-retraction") {
        logged.add(e.entry + " retraction of revision " + e.revision + " " + e.reasonSha256);
      }
    });
    const thread = await get("/api/letters/" + slug + "/thread", "json", true);
    const missing = [];
    let revisions = 0;
    let retractions = 0;
    for (const item of thread.entries) {
      // the canonical form: the entry without html, revisions and retracted, each point without html
      const { revisions: listed, retracted, html, ...entry } = item;
      entry.points = entry.points.map(({ html: rendered, ...point }) => point);
      const current = hex(await sha256(utf8.encode(canonical(entry))));
      const latest = listed[listed.length - 1].revision;
      for (const r of listed) {
        revisions++;
        const sha = r.revision === latest ? current : r.sha256;
        if (!logged.has(entry.id + " revision " + r.revision + " " + sha)) {
          missing.push(t("missingRevision", { revision: r.revision, entry: entry.id, sha }));
        }
      }
      if (retracted) {
        retractions++;
        const reason = hex(await sha256(utf8.encode(retracted.reason)));
        if (!logged.has(entry.id + " retraction of revision " + latest + " " + reason)) {
          missing.push(t("missingRetraction", { entry: entry.id }));
        }
      }
    }
    if (missing.length) {
      fail(t("threadMissing", { size: checkpoint.size, missing: missing.join("; ") }));
    }
    show("thread", "ok", t("threadOk", {
      revisions: plural(revisions, "revisionOne", "revisions"),
      retractions: plural(retractions, "retractionOne", "retractions"),
    }));
  }

  /** RFC 8785 for the values of the thread API: keys sorted, null fields left out, strings as JSON.stringify writes. */
  function canonical(v) {
    if (Array.isArray(v)) {
      return "[" + v.map(canonical).join(",") + "]";
    }
    if (v && typeof v === "object") {
      return "{" + Object.keys(v).filter((k) => v[k] !== null).sort()
        .map((k) => JSON.stringify(k) + ":" + canonical(v[k])).join(",") + "}";
    }
    return JSON.stringify(v);
  }

  // ---- All steps, stopping at the first that fails --------------------------------------------------------------

  function conclude(state, text) {
    verdict.dataset.state = state;
    verdict.textContent = text;
  }

  async function run() {
    let step = "key";
    try {
      const keys = await checkKey();
      step = "signature";
      const checkpoint = await checkCheckpoint(keys);
      if (checkpoint === null) {
        show("signature", "ok", t("noCheckpoint"));
        show("entries", "skipped", t("logEmpty"));
        show("root", "skipped", t("logEmpty"));
        step = "count";
        const site = await get("/api/letters/" + slug + "/count", "json", true);
        if (site.total !== 0) {
          fail(t("emptyButCount", { total: site.total }));
        }
        show("count", "ok", t("siteShowsNone"));
        show("thread", "skipped", t("logEmpty"));
        conclude("empty", t("noneLogged"));
        return;
      }
      if (witnessKeys.length) {
        step = "witnesses";
        await checkWitnesses(checkpoint);
      }
      step = "entries";
      const entries = await fetchEntries(checkpoint.size);
      step = "root";
      const leaves = await checkRoot(entries, checkpoint);
      if (asked.length) {
        step = "asked";
        await checkAsked(keys, checkpoint, leaves);
      }
      step = "count";
      const n = await recount(entries, checkpoint);
      step = "thread";
      await checkThread(entries, checkpoint);
      if (checkpoint.size === 0) {
        conclude("empty", t("noneLoggedSigned"));
        return;
      }
      conclude("ok", t(witnessKeys.length ? "verifiedWitnessed" : "verified", {
        signatures: plural(n, "signatureOne", "signatures"),
        size: checkpoint.size,
        origin,
        key: keys[checkpoint.signer].id,
        quorum,
      }));
    } catch (e) {
      const message = e instanceof Failure ? e.message : t("unexpected", { error: e.message });
      const index = STEPS.findIndex(([id]) => id === step);
      show(step, "fail", message);
      STEPS.slice(index + 1).forEach(([id]) => show(id, "skipped", t("notChecked")));
      conclude("fail", t("failedAt", { step: index + 1, name: STEPS[index][1], message }));
    }
  }

  // The witness form writes the keys into the fragment (never sent to the site) and checks again.
  const form = document.getElementById("witness-form");
  if (form) {
    document.getElementById("witness-keys").value = witnessKeys.join("\n");
    document.getElementById("witness-urls").value = asked.join("\n");
    if (witnessKeys.length) {
      document.getElementById("witness-quorum").value = String(quorum);
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      document.getElementById("witness-keys").value.split(/\s+/).filter((k) => k).forEach((k) => params.append("witness", k));
      params.set("quorum", document.getElementById("witness-quorum").value);
      document.getElementById("witness-urls").value.split(/\s+/).filter((u) => u).forEach((u) => params.append("ask", u));
      location.hash = params.toString();
      location.reload();
    });
  }

  run();
})();
