#include "engine/analytics/reliability.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kinerja {

Result<IccResult> ComputeIcc(const std::vector<std::vector<double>>& matrix) {
  const size_t n = matrix.size();
  if (n < 2) return Status::InvalidArgument("ICC needs at least 2 ratees, got " + std::to_string(n));
  const size_t k = matrix[0].size();
  if (k < 2) return Status::InvalidArgument("ICC needs at least 2 raters, got " + std::to_string(k));
  for (size_t i = 0; i < n; ++i) {
    if (matrix[i].size() != k) {
      return Status::InvalidArgument("ICC needs a complete matrix: row " + std::to_string(i) +
                                     " has " + std::to_string(matrix[i].size()) +
                                     " ratings, row 0 has " + std::to_string(k));
    }
  }
  const double dn = static_cast<double>(n);
  const double dk = static_cast<double>(k);
  double grand = 0.0;
  std::vector<double> row_mean(n, 0.0), col_mean(k, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < k; ++j) {
      row_mean[i] += matrix[i][j];
      col_mean[j] += matrix[i][j];
      grand += matrix[i][j];
    }
  }
  for (double& v : row_mean) v /= dk;
  for (double& v : col_mean) v /= dn;
  grand /= dn * dk;
  double sst = 0.0, ssr = 0.0, ssc = 0.0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < k; ++j) sst += (matrix[i][j] - grand) * (matrix[i][j] - grand);
    ssr += dk * (row_mean[i] - grand) * (row_mean[i] - grand);
  }
  for (size_t j = 0; j < k; ++j) ssc += dn * (col_mean[j] - grand) * (col_mean[j] - grand);
  if (sst <= 0.0) return Status::InvalidArgument("ICC is undefined: every rating is the same");
  const double ssw = std::max(0.0, sst - ssr);
  const double sse = std::max(0.0, sst - ssr - ssc);

  IccResult r;
  r.targets = static_cast<int>(n);
  r.raters = static_cast<int>(k);
  r.msr = ssr / (dn - 1.0);
  r.msw = ssw / (dn * (dk - 1.0));
  r.msc = ssc / (dk - 1.0);
  r.mse = sse / ((dn - 1.0) * (dk - 1.0));
  const double msr = r.msr, msw = r.msw, msc = r.msc, mse = r.mse;
  if (msr <= 0.0) {
    return Status::InvalidArgument(
        "ICC is undefined: every ratee has the same mean rating (between-ratee mean square is 0)");
  }
  r.icc1_1 = (msr - msw) / (msr + (dk - 1.0) * msw);
  r.icc2_1 = (msr - mse) / (msr + (dk - 1.0) * mse + dk * (msc - mse) / dn);
  r.icc3_1 = (msr - mse) / (msr + (dk - 1.0) * mse);
  r.icc1_k = (msr - msw) / msr;
  r.icc2_k = (msr - mse) / (msr + (msc - mse) / dn);
  r.icc3_k = (msr - mse) / msr;
  return r;
}

IccBand InterpretIcc(double icc) {
  if (icc >= 0.90) return IccBand::kExcellent;
  if (icc >= 0.75) return IccBand::kGood;
  if (icc >= 0.50) return IccBand::kModerate;
  return IccBand::kPoor;
}

const char* IccBandName(IccBand band) {
  switch (band) {
    case IccBand::kPoor: return "poor";
    case IccBand::kModerate: return "moderate";
    case IccBand::kGood: return "good";
    case IccBand::kExcellent: return "excellent";
  }
  return "poor";
}

const char* AlphaMetricName(AlphaMetric metric) {
  switch (metric) {
    case AlphaMetric::kNominal: return "nominal";
    case AlphaMetric::kOrdinal: return "ordinal";
    case AlphaMetric::kInterval: return "interval";
    case AlphaMetric::kRatio: return "ratio";
  }
  return "nominal";
}

Result<AlphaResult> KrippendorffAlpha(const std::vector<std::vector<double>>& units,
                                      AlphaMetric metric) {
  // Distinct values, sorted: the categories of the coincidence matrix.
  std::vector<double> values;
  for (const auto& u : units) {
    if (u.size() < 2) continue;
    for (double v : u) {
      if (!std::isfinite(v)) return Status::InvalidArgument("alpha: values must be finite numbers");
      if (metric == AlphaMetric::kRatio && v < 0) {
        return Status::InvalidArgument("alpha: the ratio metric needs values >= 0");
      }
      values.push_back(v);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const size_t v_count = values.size();
  auto index_of = [&values](double v) {
    return static_cast<size_t>(std::lower_bound(values.begin(), values.end(), v) - values.begin());
  };

  // Coincidence matrix o[c][k]: each unit with m values adds n_uc * n_uk / (m - 1) for c != k
  // and n_uc * (n_uc - 1) / (m - 1) on the diagonal.
  std::vector<double> o(v_count * v_count, 0.0);
  std::vector<double> unit_counts(v_count, 0.0);
  std::vector<size_t> touched;
  AlphaResult result;
  for (const auto& u : units) {
    if (u.size() < 2) continue;
    ++result.units_used;
    touched.clear();
    for (double v : u) {
      size_t c = index_of(v);
      if (unit_counts[c] == 0.0) touched.push_back(c);
      unit_counts[c] += 1.0;
    }
    const double m1 = static_cast<double>(u.size()) - 1.0;
    for (size_t c : touched) {
      for (size_t k : touched) {
        double pairs = c == k ? unit_counts[c] * (unit_counts[c] - 1.0) : unit_counts[c] * unit_counts[k];
        o[c * v_count + k] += pairs / m1;
      }
    }
    for (size_t c : touched) unit_counts[c] = 0.0;
  }
  std::vector<double> marg(v_count, 0.0);
  double n = 0.0;
  for (size_t c = 0; c < v_count; ++c) {
    for (size_t k = 0; k < v_count; ++k) marg[c] += o[c * v_count + k];
    n += marg[c];
  }
  result.pairable_values = static_cast<int>(std::lround(n));
  if (n < 2.0) {
    return Status::InvalidArgument("alpha needs at least 2 pairable values (units rated twice or more)");
  }

  auto delta2 = [&](size_t c, size_t k) -> double {
    if (c == k) return 0.0;
    switch (metric) {
      case AlphaMetric::kNominal: return 1.0;
      case AlphaMetric::kOrdinal: {
        size_t lo = std::min(c, k), hi = std::max(c, k);
        double s = 0.0;
        for (size_t g = lo; g <= hi; ++g) s += marg[g];
        s -= (marg[lo] + marg[hi]) / 2.0;
        return s * s;
      }
      case AlphaMetric::kInterval: {
        double d = values[c] - values[k];
        return d * d;
      }
      case AlphaMetric::kRatio: {
        double sum = values[c] + values[k];
        if (sum == 0.0) return 0.0;
        double d = (values[c] - values[k]) / sum;
        return d * d;
      }
    }
    return 0.0;
  };

  double observed = 0.0, expected = 0.0;
  for (size_t c = 0; c < v_count; ++c) {
    for (size_t k = 0; k < v_count; ++k) {
      if (c == k) continue;
      double d = delta2(c, k);
      observed += o[c * v_count + k] * d;
      expected += marg[c] * marg[k] * d;
    }
  }
  result.observed_disagreement = observed / n;
  result.expected_disagreement = expected / (n * (n - 1.0));
  if (result.expected_disagreement <= 0.0) {
    return Status::InvalidArgument("alpha is undefined: every pairable value is the same");
  }
  result.alpha = 1.0 - result.observed_disagreement / result.expected_disagreement;
  return result;
}

}  // namespace kinerja
