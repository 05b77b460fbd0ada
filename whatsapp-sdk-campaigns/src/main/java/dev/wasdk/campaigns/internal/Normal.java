package dev.wasdk.campaigns.internal;

/** The standard normal distribution: its CDF and quantile function. */
public final class Normal {
  private Normal() {}

  /**
   * Returns P(Z &le; z) for a standard normal Z, with Hart's double-precision rational
   * approximation (as published by Graeme West, "Better approximations to cumulative normal
   * functions", 2005); its absolute error is about 1e-14.
   *
   * @param z the value
   * @return the probability
   */
  public static double cdf(double z) {
    double x = Math.abs(z);
    double tail;
    if (x > 37) {
      tail = 0;
    } else {
      double e = Math.exp(-x * x / 2);
      if (x < 7.07106781186547) {
        double num = 3.52624965998911e-02 * x + 0.700383064443688;
        num = num * x + 6.37396220353165;
        num = num * x + 33.912866078383;
        num = num * x + 112.079291497871;
        num = num * x + 221.213596169931;
        num = num * x + 220.206867912376;
        double den = 8.83883476483184e-02 * x + 1.75566716318264;
        den = den * x + 16.064177579207;
        den = den * x + 86.7807322029461;
        den = den * x + 296.564248779674;
        den = den * x + 637.333633378831;
        den = den * x + 793.826512519948;
        den = den * x + 440.413735824752;
        tail = e * num / den;
      } else {
        double f = x + 0.65;
        f = x + 4 / f;
        f = x + 3 / f;
        f = x + 2 / f;
        f = x + 1 / f;
        tail = e / f / 2.506628274631;
      }
    }
    return z > 0 ? 1 - tail : tail;
  }

  /**
   * Returns the z with {@code cdf(z) == p}: Peter Acklam's rational approximation, whose relative
   * error is below 1.15e-9.
   *
   * @param p a probability strictly between 0 and 1
   * @return the quantile
   */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be strictly between 0 and 1, was " + p);
    }
    double[] a = {
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
    };
    double[] b = {
      -5.447609879822406e+01,
      1.615858368580409e+02,
      -1.556989798598866e+02,
      6.680131188771972e+01,
      -1.328068155288572e+01
    };
    double[] c = {
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
    };
    double[] d = {
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    double low = 0.02425;
    double x;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      x =
          (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
              / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - low) {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
              * q
              / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      x =
          -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
              / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    return x;
  }
}
