//! Quadratic Bézier curves in screen space.

/// Samples used for lengths and distances; plenty for curves a few hundred px long.
const SAMPLES: usize = 48;

/// A quadratic Bézier from `p0` to `p1` pulled towards `c`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quad {
    /// Start.
    pub p0: [f64; 2],
    /// Control point.
    pub c: [f64; 2],
    /// End.
    pub p1: [f64; 2],
}

impl Quad {
    /// The point at parameter `t` in [0, 1].
    ///
    /// ```
    /// use roundabout::scene::curve::Quad;
    /// let q = Quad { p0: [0.0, 0.0], c: [1.0, 2.0], p1: [2.0, 0.0] };
    /// assert_eq!(q.at(0.5), [1.0, 1.0]);
    /// ```
    pub fn at(&self, t: f64) -> [f64; 2] {
        let u = 1.0 - t;
        let (a, b, c) = (u * u, 2.0 * u * t, t * t);
        [
            a * self.p0[0] + b * self.c[0] + c * self.p1[0],
            a * self.p0[1] + b * self.c[1] + c * self.p1[1],
        ]
    }

    /// The unit tangent at `t`; along the chord when the curve is degenerate there.
    pub fn tangent(&self, t: f64) -> [f64; 2] {
        let u = 1.0 - t;
        let d = [
            2.0 * u * (self.c[0] - self.p0[0]) + 2.0 * t * (self.p1[0] - self.c[0]),
            2.0 * u * (self.c[1] - self.p0[1]) + 2.0 * t * (self.p1[1] - self.c[1]),
        ];
        unit(d)
            .or_else(|| unit(sub(self.p1, self.p0)))
            .unwrap_or([1.0, 0.0])
    }

    /// The unit normal at `t`, the tangent turned a quarter right (clockwise on screen).
    pub fn normal(&self, t: f64) -> [f64; 2] {
        let [x, y] = self.tangent(t);
        [-y, x]
    }

    /// The part from 0 to `t` (de Casteljau).
    pub fn head(&self, t: f64) -> Quad {
        let c = lerp(self.p0, self.c, t);
        Quad {
            p0: self.p0,
            c,
            p1: self.at(t),
        }
    }

    /// Arc length, by sampling.
    pub fn length(&self) -> f64 {
        self.samples().0.windows(2).map(|w| dist(w[0], w[1])).sum()
    }

    /// The parameter at which `length` px of arc remain to the end (0 when the curve is shorter).
    pub fn t_before_end(&self, length: f64) -> f64 {
        let pts = self.samples().0;
        let mut left = length;
        for i in (1..pts.len()).rev() {
            let d = dist(pts[i - 1], pts[i]);
            if d >= left && d > 0.0 {
                let f = left / d;
                return (i as f64 - f) / SAMPLES as f64;
            }
            left -= d;
        }
        0.0
    }

    /// Distance from `p` to the curve, by sampling.
    pub fn distance(&self, p: [f64; 2]) -> f64 {
        self.samples().distance(p)
    }

    /// The curve's points at evenly spaced parameters: taken once where many distances to it are
    /// measured (the candidate places of a frame's labels), rather than again for each.
    pub fn samples(&self) -> Samples {
        Samples(std::array::from_fn(|i| self.at(i as f64 / SAMPLES as f64)))
    }

    /// The curve offset sideways by `h` px along its normal, approximated by one quadratic:
    /// ends moved along their normals, control where the moved end tangents meet.
    pub fn offset(&self, h: f64) -> Quad {
        let (n0, n1) = (self.normal(0.0), self.normal(1.0));
        let a = add(self.p0, scale(n0, h));
        let b = add(self.p1, scale(n1, h));
        let (t0, t1) = (self.tangent(0.0), self.tangent(1.0));
        let denom = cross(t0, t1);
        let c = if denom.abs() < 1e-6 {
            add(self.c, scale(self.normal(0.5), h))
        } else {
            let s = cross(sub(b, a), t1) / denom;
            add(a, scale(t0, s))
        };
        Quad { p0: a, c, p1: b }
    }
}

/// A curve's points at evenly spaced parameters ([`Quad::samples`]), joined by straight segments.
#[derive(Debug, Clone, Copy)]
pub struct Samples([[f64; 2]; SAMPLES + 1]);

impl Samples {
    /// Distance from `p` to the polyline.
    pub fn distance(&self, p: [f64; 2]) -> f64 {
        // Squared per segment, one root at the end: label placement measures this thousands of times a frame.
        self.0
            .windows(2)
            .map(|w| segment_distance_squared(p, w[0], w[1]))
            .fold(f64::INFINITY, f64::min)
            .sqrt()
    }
}

/// `a + b`.
pub fn add(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] + b[0], a[1] + b[1]]
}

/// `a - b`.
pub fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

/// `a · k`.
pub fn scale(a: [f64; 2], k: f64) -> [f64; 2] {
    [a[0] * k, a[1] * k]
}

/// Distance between two points.
pub fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// `a` scaled to length 1, or `None` when it is (nearly) zero.
pub fn unit(a: [f64; 2]) -> Option<[f64; 2]> {
    let l = a[0].hypot(a[1]);
    (l > 1e-12 && l.is_finite()).then(|| [a[0] / l, a[1] / l])
}

fn lerp(a: [f64; 2], b: [f64; 2], t: f64) -> [f64; 2] {
    [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
}

fn cross(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[1] - a[1] * b[0]
}

fn segment_distance_squared(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let ab = sub(b, a);
    let l2 = ab[0] * ab[0] + ab[1] * ab[1];
    let t = if l2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2).clamp(0.0, 1.0)
    };
    let q = sub(p, lerp(a, b, t));
    q[0] * q[0] + q[1] * q[1]
}

#[cfg(test)]
mod test {
    use super::*;

    const Q: Quad = Quad {
        p0: [0.0, 0.0],
        c: [50.0, 40.0],
        p1: [100.0, 0.0],
    };

    #[test]
    fn straight_line_length_and_t() {
        let q = Quad {
            p0: [0.0, 0.0],
            c: [50.0, 0.0],
            p1: [100.0, 0.0],
        };
        assert!((q.length() - 100.0).abs() < 1e-9);
        assert!((q.t_before_end(25.0) - 0.75).abs() < 1e-9);
        assert_eq!(q.normal(0.3), [-0.0, 1.0]);
        assert!((q.distance([50.0, 7.0]) - 7.0).abs() < 1e-9);
    }

    #[test]
    fn head_matches_curve() {
        let h = Q.head(0.4);
        for i in 0..=10 {
            let t = i as f64 / 10.0;
            assert!(dist(h.at(t), Q.at(0.4 * t)) < 1e-9);
        }
    }

    #[test]
    fn offset_stays_near_distance() {
        let o = Q.offset(5.0);
        for i in 0..=10 {
            let d = Q.distance(o.at(i as f64 / 10.0));
            assert!((d - 5.0).abs() < 0.6, "{i}: {d}");
        }
    }
}
