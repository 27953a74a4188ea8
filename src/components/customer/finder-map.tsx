"use client";

import "leaflet/dist/leaflet.css";
import type { Map as LeafletMap } from "leaflet";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Point } from "@/domain/finder";
import styles from "./customer.module.css";
import type { FinderShop } from "./finder-screen";

const TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
// OpenStreetMap's tiles may be used only with this credit; it is a name, not a sentence.
// i18n-ignore: attribution required by the tile server's policy
const CREDIT = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/**
 * The shops found, on OpenStreetMap tiles. Only an extra: the list under it has every shop.
 * Where the tiles cannot load (offline, a network that blocks them) the map steps aside and
 * says so, instead of showing grey squares.
 */
export function FinderMap({ shops, from }: { shops: FinderShop[]; from: Point | null }) {
  const t = useTranslations("customer.finder");
  const box = useRef<HTMLElement>(null);
  const [failed, setFailed] = useState(false);
  const placed = useMemo(
    () => shops.filter((s) => s.latitude !== null && s.longitude !== null),
    [shops],
  );
  const youLabel = t("you");

  useEffect(() => {
    if (!box.current || placed.length === 0 || failed) return;
    if (!navigator.onLine) {
      setFailed(true);
      return;
    }
    let map: LeafletMap | null = null;
    let cancelled = false;
    void import("leaflet").then((L) => {
      if (cancelled || !box.current) return;
      map = L.map(box.current, { attributionControl: true, scrollWheelZoom: false });
      L.tileLayer(TILES, { maxZoom: 19, attribution: CREDIT })
        .on("tileerror", () => setFailed(true))
        .addTo(map);
      const points: [number, number][] = [];
      for (const shop of placed) {
        const at: [number, number] = [shop.latitude!, shop.longitude!];
        points.push(at);
        // Circle markers need no image files (Leaflet's default pin does).
        L.circleMarker(at, { radius: 9, color: "#0b6e4f", fillOpacity: 0.8 })
          .bindTooltip(shop.shopName)
          .addTo(map);
      }
      if (from) {
        const at: [number, number] = [from.latitude, from.longitude];
        points.push(at);
        L.circle(at, { radius: 700, color: "#1d4ed8", fillOpacity: 0.1 })
          .bindTooltip(youLabel)
          .addTo(map);
      }
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [placed, from, failed, youLabel]);

  if (placed.length === 0) return null;
  if (failed) {
    return (
      <p className="small muted" data-testid="finder-map-off">
        {t("mapOff")}
      </p>
    );
  }
  return (
    <section
      ref={box}
      className={styles.finderMap}
      aria-label={t("map")}
      data-testid="finder-map"
    />
  );
}
