export default function Page({ cluster }: { cluster: string }) {
  return <p>{cluster}</p>;
}
