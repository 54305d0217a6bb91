#include "search/suggest.h"

#include <cmath>
#include <sstream>
#include <vector>

#include "index/schema.h"

namespace vanban::search {
namespace schema = index::schema;
namespace {

constexpr size_t kMaxCandidates = 8;
constexpr size_t kMaxTokens = 12;

struct Candidate {
  std::string form;
  double prior = 0;  // log count
  bool unmarked = false;  // the form has no marks (equals its fold)
};

std::vector<Candidate> CandidatesFor(const Xapian::Database& db, const text::Token& t) {
  std::vector<Candidate> out;
  std::istringstream in(db.get_metadata(schema::Term(schema::kMetaFoldPrefix, t.folded)));
  std::string line;
  while (out.size() < kMaxCandidates && std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string form = line.substr(0, tab);
    bool unmarked = form == t.folded;
    out.push_back({std::move(form), std::log1p(std::atof(line.c_str() + tab + 1)), unmarked});
  }
  return out;
}

double PairScore(const Xapian::Database& db, const std::string& a, const std::string& b,
                 bool unmarked) {
  // Two unmarked words only have the folded pair term (schema.h).
  std::string term =
      schema::Term(unmarked ? schema::kFoldedPair : schema::kExactPair, a + schema::kPairJoiner + b);
  return std::log1p(db.get_termfreq(term)) * 4;
}

}  // namespace

std::string SuggestAccents(const Xapian::Database& db, const text::Analyzer& analyzer,
                           const std::string& free_text) {
  text::AnalyzedText at = analyzer.Analyze(free_text);
  const auto& ts = at.tokens;
  if (ts.empty() || ts.size() > kMaxTokens) return {};
  std::vector<std::vector<Candidate>> cands;
  for (const auto& t : ts) {
    if (t.exact != t.folded) return {};  // typed with diacritics
    auto c = t.kind == text::TokenKind::kSyllable ? CandidatesFor(db, t) : std::vector<Candidate>{};
    if (c.empty()) c.push_back({t.exact, 0, true});
    cands.push_back(std::move(c));
  }
  // Viterbi over the token sequence: unigram prior + pair co-occurrence.
  std::vector<std::vector<double>> score(ts.size());
  std::vector<std::vector<int>> back(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) {
    score[i].assign(cands[i].size(), -1e18);
    back[i].assign(cands[i].size(), -1);
    for (size_t k = 0; k < cands[i].size(); ++k) {
      if (i == 0) {
        score[i][k] = cands[i][k].prior;
        continue;
      }
      for (size_t j = 0; j < cands[i - 1].size(); ++j) {
        double s = score[i - 1][j] + cands[i][k].prior +
                   PairScore(db, cands[i - 1][j].form, cands[i][k].form,
                             cands[i - 1][j].unmarked && cands[i][k].unmarked);
        if (s > score[i][k]) {
          score[i][k] = s;
          back[i][k] = static_cast<int>(j);
        }
      }
    }
  }
  size_t n = ts.size();
  int k = 0;
  for (size_t c = 1; c < cands[n - 1].size(); ++c) {
    if (score[n - 1][c] > score[n - 1][k]) k = static_cast<int>(c);
  }
  std::vector<std::string> chosen(n);
  for (size_t i = n; i-- > 0;) {
    chosen[i] = cands[i][k].form;
    k = back[i][k];
  }
  // Rebuild the text with the chosen forms in place of the typed words.
  std::string out;
  size_t cursor = 0;
  bool changed = false;
  for (size_t i = 0; i < n; ++i) {
    out += at.text.substr(cursor, ts[i].begin - cursor);
    std::string typed = at.text.substr(ts[i].begin, ts[i].end - ts[i].begin);
    bool same = chosen[i] == ts[i].exact;
    out += same ? typed : chosen[i];
    changed |= !same;
    cursor = ts[i].end;
  }
  out += at.text.substr(cursor);
  return changed ? out : std::string();
}

}  // namespace vanban::search
