import { mount } from '../ui/mount.tsx';
import { ChairApp } from './ChairApp.tsx';
import './chair.css';

mount('chair', (conn) => <ChairApp conn={conn} />);
